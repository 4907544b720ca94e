package org.kalkan.interop.cot;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A client's bounded queue: newest per uid in first-queued order, urgent events first, oldest position dropped. */
class CotSessionQueueTests {

    private static final SecurityLabel LABEL = CotXml.marking("RESTRICTED // REL TO MEMBERS");

    private final List<String> drops = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final CotSession session = new CotSession(channel, new Subject("tur.officer", NationCode.of("TUR"),
            Classification.SECRET, Set.of()), null, LABEL, 3, drops::add);

    @Test
    void keepsTheNewestPositionPerUidLetsUrgentEventsOvertakeAndDropsTheOldestPositionWhenFull() {
        session.offer(event("a", "a-f-G", 1), LABEL);
        session.offer(event("b", "a-f-G", 1), LABEL);
        session.offer(event("a", "a-f-G", 2), LABEL); // replaces a, keeps a's place
        session.offer(event("c", "a-f-G", 1), LABEL);
        session.offer(event("d", "a-f-G", 1), LABEL); // full: the oldest position (a) goes
        session.offer(event("chat", "b-t-f", 1), LABEL); // full: the oldest position (b) goes, chat goes first
        assertThat(drops).containsExactly("queue-full", "queue-full");

        channel.runPendingTasks();
        assertThat(written()).containsExactly("chat#1", "c#1", "d#1");
    }

    @Test
    void aNewPositionIsDroppedWhenOnlyUrgentEventsFillTheQueue() {
        for (int i = 0; i < 3; i++) {
            session.offer(event("chat-" + i, "b-t-f", 1), LABEL);
        }
        session.offer(event("a", "a-f-G", 1), LABEL);
        assertThat(drops).containsExactly("queue-full");
        channel.runPendingTasks();
        assertThat(written()).containsExactly("chat-0#1", "chat-1#1", "chat-2#1");
    }

    @Test
    void aClientThatKeepsUpGetsEveryPositionInTheOrderSent() {
        CotSession roomy = new CotSession(channel, session.subject(), null, LABEL, 1024, drops::add);
        roomy.offer(event("a", "a-f-G", 1), LABEL);
        roomy.offer(event("b", "a-f-G", 1), LABEL);
        roomy.offer(event("a", "a-f-G", 2), LABEL);
        channel.runPendingTasks();
        assertThat(written()).containsExactly("a#1", "b#1", "a#2");
        assertThat(drops).isEmpty();
    }

    @Test
    void aBacklogIsSentAsTheNewestPositionOfEachUidInTheOrderTheUidsCameFirst() {
        CotSession roomy = new CotSession(channel, session.subject(), null, LABEL, 1024, drops::add);
        for (int version = 1; version <= 10; version++) {
            for (int track = 0; track < 10; track++) {
                roomy.offer(event("t" + track, "a-f-G", version), LABEL);
            }
        }
        channel.runPendingTasks();
        assertThat(written()).containsExactly("t0#10", "t1#10", "t2#10", "t3#10", "t4#10", "t5#10", "t6#10",
                "t7#10", "t8#10", "t9#10");
        assertThat(drops).isEmpty();
    }

    @Test
    void aClientThatStopsReadingHoldsNoMoreThanTwiceItsCapacityAndLosesOnlyTheOldestUids() {
        CotSession small = new CotSession(channel, session.subject(), null, LABEL, 100, drops::add);
        for (int track = 0; track < 1000; track++) {
            small.offer(event("t" + track, "a-f-G", 1), LABEL);
            assertThat(small.size()).isLessThanOrEqualTo(200);
        }
        channel.runPendingTasks();
        List<String> sent = written();
        assertThat(sent).hasSize(100).startsWith("t900#1").endsWith("t999#1");
        assertThat(drops).hasSize(900);
    }

    private List<String> written() {
        List<String> uids = new ArrayList<>();
        ByteBuf bytes;
        while ((bytes = channel.readOutbound()) != null) {
            String chunk = bytes.toString(StandardCharsets.UTF_8); // a chunk of events, written as one buffer
            bytes.release();
            for (String xml : chunk.split("</event>")) {
                if (!xml.isBlank()) {
                    uids.add(xml.replaceAll("(?s).*uid=\"([^\"]*)\".*lat=\"([0-9]+)\\.0\".*", "$1#$2"));
                }
            }
        }
        return uids;
    }

    private static CotEvent event(String uid, String type, int version) {
        Instant now = Instant.now();
        return new CotEvent(uid, type, "m-g", now, now, now.plusSeconds(60), version, 0, 0, 0, 0, "", null, null);
    }
}
