package org.kalkan.federation;

import java.util.regex.Pattern;

/** A node's id, such as {@code CMC} or {@code AZE}: upper-case letters, digits, {@code -} and {@code _}. */
public record NodeId(String value) implements Comparable<NodeId> {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");

    public NodeId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a node id is 1 to 32 upper-case letters, digits, - or _: " + value);
        }
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public int compareTo(NodeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
