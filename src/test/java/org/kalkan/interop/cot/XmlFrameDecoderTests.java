package org.kalkan.interop.cot;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class XmlFrameDecoderTests {

    private final List<String> drops = new ArrayList<>();

    private List<String> frames(EmbeddedChannel channel) {
        List<String> frames = new ArrayList<>();
        for (Object frame; (frame = channel.readInbound()) != null; ) {
            frames.add(new String((byte[]) frame, StandardCharsets.UTF_8));
        }
        return frames;
    }

    @Test
    void everyEventComesOutOnceHoweverTheStreamIsCut() {
        StringBuilder stream = new StringBuilder("<?xml version=\"1.0\"?>\n<auth><cot username=\"x\"/></auth>");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String event = i % 7 == 0 ? "<event uid=\"e-" + i + "\" type=\"t-x-c-t\"/>"
                    : CotFixtures.position("e-" + i, "a-f-G", 1, 1, "<remarks>" + "r".repeat(i % 50) + "</remarks>");
            events.add(event);
            stream.append(event).append(i % 3 == 0 ? "\n" : "");
        }
        byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
        Random random = new Random(7);
        EmbeddedChannel channel = new EmbeddedChannel(new XmlFrameDecoder(4096, drops::add));
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(300));
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, n));
            at += n;
        }
        assertThat(frames(channel)).containsExactlyElementsOf(events);
        assertThat(drops).isEmpty();
    }

    @Test
    void anOversizedEventIsDroppedAndTheNextOneStillComes() {
        EmbeddedChannel channel = new EmbeddedChannel(new XmlFrameDecoder(1024, drops::add));
        String big = CotFixtures.position("big", "a-f-G", 1, 1, "<remarks>" + "x".repeat(800) + "</remarks>");
        String small = CotFixtures.position("small", "a-f-G", 1, 1, "");
        channel.writeInbound(Unpooled.copiedBuffer(big.substring(0, 700), StandardCharsets.UTF_8));
        channel.writeInbound(Unpooled.copiedBuffer(big.substring(700) + small, StandardCharsets.UTF_8));
        assertThat(frames(channel)).containsExactly(small);
        assertThat(drops).containsExactly("oversized");
        assertThat(channel.isActive()).isTrue();
    }
}
