package org.kalkan.interop.cot;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.Consumer;

/**
 * TAK protocol version 1 stream framing: {@code 0xbf}, the length as an unsigned varint, the message. Frames come
 * out as {@link TakFrame}s. A missing magic byte, a malformed varint or a length above the limit ends the
 * connection (counted): the stream cannot be trusted to re-synchronise.
 */
final class ProtobufFrameDecoder extends ByteToMessageDecoder {

    static final int MAGIC = 0xbf;

    /** One protocol-v1 message's bytes. */
    record TakFrame(byte[] bytes) {
    }

    private final int maxBytes;
    private final Consumer<String> dropped;

    ProtobufFrameDecoder(int maxBytes, Consumer<String> dropped) {
        this.maxBytes = maxBytes;
        this.dropped = dropped;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            in.markReaderIndex();
            if (in.readUnsignedByte() != MAGIC) {
                refuse(ctx, in, "bad-frame");
                return;
            }
            long length = 0;
            int shift = 0;
            boolean complete = false;
            while (in.isReadable() && shift < 35) {
                int b = in.readUnsignedByte();
                length |= (long) (b & 0x7f) << shift;
                shift += 7;
                if ((b & 0x80) == 0) {
                    complete = true;
                    break;
                }
            }
            if (!complete) {
                if (shift >= 35) {
                    refuse(ctx, in, "bad-length");
                } else {
                    in.resetReaderIndex();
                }
                return;
            }
            if (length == 0 || length > maxBytes) {
                refuse(ctx, in, length > maxBytes ? "oversized" : "bad-length");
                return;
            }
            if (in.readableBytes() < length) {
                in.resetReaderIndex();
                return;
            }
            byte[] frame = new byte[(int) length];
            in.readBytes(frame);
            out.add(new TakFrame(frame));
        }
    }

    private void refuse(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        dropped.accept(reason);
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
