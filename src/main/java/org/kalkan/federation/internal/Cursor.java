package org.kalkan.federation.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.kalkan.federation.Lane;
import org.kalkan.federation.NodeId;

/**
 * How far a node holds each stream it knows, as the opaque token of {@code /federation/v1/log?after=}: the highest
 * sequence number per (origin, lane). A node pulls with the cursor it keeps in its own database, so the cursor moves
 * in the transaction that applies what it received; a stream missing from it is one the node does not take.
 */
public record Cursor(Map<Stream, Long> positions) {

    private static final int MAX_STREAMS = 512;

    /** One stream: an origin's lane. */
    public record Stream(String origin, Lane lane) implements Comparable<Stream> {

        @Override
        public int compareTo(Stream other) {
            int byOrigin = origin.compareTo(other.origin);
            return byOrigin != 0 ? byOrigin : lane.compareTo(other.lane);
        }
    }

    public Cursor {
        positions = Map.copyOf(positions);
    }

    public long position(Stream stream) {
        return positions.getOrDefault(stream, 0L);
    }

    public boolean knows(String origin) {
        return positions.keySet().stream().anyMatch(s -> s.origin().equals(origin));
    }

    public String encode() {
        StringJoiner text = new StringJoiner(",");
        new TreeMap<>(positions).forEach((s, seq) -> text.add(s.origin() + ":" + s.lane().name().charAt(0) + ":" + seq));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token; IllegalArgumentException for anything else. */
    public static Cursor decode(String token) {
        if (token.length() > 16_384) {
            throw new IllegalArgumentException("the cursor is too long");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the cursor is not a cursor token", e);
        }
        Map<Stream, Long> positions = new TreeMap<>();
        if (text.isEmpty()) {
            return new Cursor(positions);
        }
        for (String part : text.split(",", -1)) {
            String[] fields = part.split(":", -1);
            if (fields.length != 3 || positions.size() >= MAX_STREAMS) {
                throw new IllegalArgumentException("the cursor is not a cursor token");
            }
            Lane lane = switch (fields[1]) {
                case "B" -> Lane.BULK;
                case "F" -> Lane.FLASH;
                default -> throw new IllegalArgumentException("the cursor names an unknown lane");
            };
            long seq;
            try {
                seq = Long.parseLong(fields[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the cursor is not a cursor token", e);
            }
            if (seq < 0) {
                throw new IllegalArgumentException("the cursor is not a cursor token");
            }
            positions.put(new Stream(NodeId.of(fields[0]).value(), lane), seq);
        }
        return new Cursor(positions);
    }
}
