package org.kalkan.interop.cot;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lenient input framing of a CoT XML stream: anything before {@code <event} (an XML prologue, newlines,
 * {@code <auth>} and other elements) is skipped, and each {@code <event …>…</event>} or {@code <event …/>} becomes
 * one frame (a {@code byte[]}). A DTD or entity declaration between events ends the connection; an event larger
 * than the limit is dropped, and a stream that exceeds the limit without completing one ends the connection.
 */
final class XmlFrameDecoder extends ByteToMessageDecoder {

    private static final byte[] EVENT = "<event".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "</event".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] DECLARATIONS = {
        "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII), "<!ENTITY".getBytes(StandardCharsets.US_ASCII)};

    private final int maxBytes;
    private final Consumer<String> dropped;
    /** Bytes of the current event already searched for its end, so a large event is scanned once. */
    private int scanned;

    XmlFrameDecoder(int maxBytes, Consumer<String> dropped) {
        this.maxBytes = maxBytes;
        this.dropped = dropped;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = indexOfEventStart(in);
            // Without an event yet, keep a tail that may be the beginning of "<event" or "<!DOCTYPE".
            int skipEnd = start < 0 ? Math.max(in.readerIndex(), in.writerIndex() - DECLARATIONS[0].length) : start;
            if (containsDeclaration(in, in.readerIndex(), start < 0 ? in.writerIndex() : start)) {
                dropped.accept("dtd");
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            if (skipEnd > in.readerIndex()) {
                in.readerIndex(skipEnd);
                scanned = 0;
            }
            if (start < 0) {
                return;
            }
            int end = indexOfEventEnd(in, start);
            if (end < 0) {
                if (in.readableBytes() > maxBytes) {
                    dropped.accept("oversized");
                    in.skipBytes(in.readableBytes());
                    ctx.close();
                }
                return;
            }
            scanned = 0;
            int length = end - start;
            if (length > maxBytes) {
                dropped.accept("oversized");
                in.readerIndex(end);
                continue;
            }
            byte[] frame = new byte[length];
            in.readBytes(frame);
            out.add(frame);
        }
    }

    /** The first {@code <event} followed by white space, {@code >} or {@code /}; -1 when there is none yet. */
    private static int indexOfEventStart(ByteBuf in) {
        int from = in.readerIndex();
        while (true) {
            int at = indexOf(in, EVENT, from, in.writerIndex());
            if (at < 0 || at + EVENT.length >= in.writerIndex()) {
                return -1;
            }
            byte after = in.getByte(at + EVENT.length);
            if (after == ' ' || after == '>' || after == '/' || after == '\n' || after == '\r' || after == '\t') {
                return at;
            }
            from = at + 1;
        }
    }

    /** The index just past the event that starts at {@code start}; -1 while it is incomplete. */
    private int indexOfEventEnd(ByteBuf in, int start) {
        int firstClose = in.indexOf(start, in.writerIndex(), (byte) '>');
        if (firstClose < 0) {
            return -1;
        }
        if (in.getByte(firstClose - 1) == '/') {
            return firstClose + 1;
        }
        int from = Math.max(firstClose, start + scanned - END.length);
        int end = indexOf(in, END, from, in.writerIndex());
        if (end < 0) {
            scanned = in.writerIndex() - start;
            return -1;
        }
        int close = in.indexOf(end, in.writerIndex(), (byte) '>');
        return close < 0 ? -1 : close + 1;
    }

    private static boolean containsDeclaration(ByteBuf in, int from, int to) {
        for (byte[] declaration : DECLARATIONS) {
            if (indexOf(in, declaration, from, to) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(ByteBuf in, byte[] needle, int from, int to) {
        int at = from;
        while (at <= to - needle.length) {
            int first = in.indexOf(at, to, needle[0]);
            if (first < 0 || first > to - needle.length) {
                return -1;
            }
            boolean match = true;
            for (int i = 1; i < needle.length && match; i++) {
                match = in.getByte(first + i) == needle[i];
            }
            if (match) {
                return first;
            }
            at = first + 1;
        }
        return -1;
    }
}
