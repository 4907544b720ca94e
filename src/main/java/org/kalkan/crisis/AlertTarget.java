package org.kalkan.crisis;

import java.util.regex.Pattern;
import org.kalkan.shared.NationCode;

/** What an alert level applies to: a member state ({@code NATION}, alpha-3) or a named region ("Caspian"). */
public record AlertTarget(Kind kind, String name) {

    public enum Kind { NATION, REGION }

    private static final Pattern REGION = Pattern.compile("[\\p{L}][\\p{L}\\p{N} .'-]{1,59}");

    public AlertTarget {
        if (kind == null) {
            throw new IllegalArgumentException("target kind is required: NATION or REGION");
        }
        if (kind == Kind.NATION && !NationCode.isValid(name)) {
            throw new IllegalArgumentException("a nation target is an ISO 3166-1 alpha-3 code, not " + name);
        }
        if (kind == Kind.REGION && (name == null || !REGION.matcher(name).matches())) {
            throw new IllegalArgumentException("a region name has 2 to 60 letters, digits, spaces or .'- : " + name);
        }
    }

    public static AlertTarget nation(String code) {
        return new AlertTarget(Kind.NATION, code);
    }

    public static AlertTarget region(String name) {
        return new AlertTarget(Kind.REGION, name);
    }

    @Override
    public String toString() {
        return kind.name() + ":" + name;
    }
}
