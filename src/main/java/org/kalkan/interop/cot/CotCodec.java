package org.kalkan.interop.cot;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/** How a connection's outgoing events are written: CoT XML, or TAK protocol version 1 after negotiation. */
enum CotCodec {
    XML {
        @Override
        byte[] frame(CotEvent event, @Nullable SecurityLabel label) {
            return (CotXml.write(event, label) + "\n").getBytes(StandardCharsets.UTF_8);
        }
    },
    PROTOBUF {
        @Override
        byte[] frame(CotEvent event, @Nullable SecurityLabel label) {
            byte[] message = TakProtobuf.encode(event, label);
            ByteArrayOutputStream frame = new ByteArrayOutputStream(message.length + 6);
            frame.write(ProtobufFrameDecoder.MAGIC);
            int length = message.length;
            while ((length & ~0x7f) != 0) {
                frame.write((length & 0x7f) | 0x80);
                length >>>= 7;
            }
            frame.write(length);
            frame.writeBytes(message);
            return frame.toByteArray();
        }
    };

    /** The event as this codec puts it on the wire, framing included. */
    abstract byte[] frame(CotEvent event, @Nullable SecurityLabel label);
}
