package org.kalkan.shared;

import java.util.regex.Pattern;

/** An ISO 3166-1 alpha-3 nation code such as {@code AZE}. Whether the nation belongs to the organisation is data. */
public record NationCode(String value) implements Comparable<NationCode>, java.io.Serializable {

    private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

    public NationCode {
        if (value == null || !ALPHA3.matcher(value).matches()) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-3 code: " + value);
        }
    }

    public static NationCode of(String value) {
        return new NationCode(value);
    }

    public static boolean isValid(String value) {
        return value != null && ALPHA3.matcher(value).matches();
    }

    @Override
    public int compareTo(NationCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
