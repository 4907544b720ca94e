package org.kalkan.interop.cot;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/** How a connection's outgoing events are written: CoT XML, or TAK protocol version 1 after negotiation. */
enum CotCodec {
    XML {
        @Override
        ByteBuf encode(ByteBufAllocator alloc, CotEvent event, @Nullable SecurityLabel label) {
            byte[] xml = CotXml.write(event, label).getBytes(StandardCharsets.UTF_8);
            ByteBuf buffer = alloc.buffer(xml.length + 1);
            return buffer.writeBytes(xml).writeByte('\n');
        }
    },
    PROTOBUF {
        @Override
        ByteBuf encode(ByteBufAllocator alloc, CotEvent event, @Nullable SecurityLabel label) {
            byte[] message = TakProtobuf.encode(event, label);
            ByteBuf buffer = alloc.buffer(message.length + 6);
            buffer.writeByte(ProtobufFrameDecoder.MAGIC);
            int length = message.length;
            while ((length & ~0x7f) != 0) {
                buffer.writeByte((length & 0x7f) | 0x80);
                length >>>= 7;
            }
            buffer.writeByte(length);
            return buffer.writeBytes(message);
        }
    };

    abstract ByteBuf encode(ByteBufAllocator alloc, CotEvent event, @Nullable SecurityLabel label);
}
