package org.kalkan.interop.cot;

import org.jspecify.annotations.Nullable;

/**
 * MIL-STD-2525C letter symbol codes from CoT atom types, which encode the same hierarchy: {@code a-f-G-U-C-I}
 * (friendly, ground, unit, combat, infantry) becomes {@code SFGPUCI--------}, which milsymbol draws.
 */
final class CotSymbols {

    private CotSymbols() {
    }

    /** The 15-character SIDC of an atom ({@code a-…}) type; null for any other type. */
    static @Nullable String sidc(String type) {
        String[] parts = type.split("-");
        if (parts.length < 3 || !"a".equals(parts[0]) || parts[1].length() != 1 || parts[2].length() != 1) {
            return null;
        }
        String affiliation = switch (parts[1]) {
            case "f", "h", "n", "u", "a", "s", "p", "j", "k" -> parts[1].toUpperCase();
            default -> "U";
        };
        String dimension = switch (parts[2]) {
            case "P", "A", "G", "S", "U", "F" -> parts[2];
            default -> "X";
        };
        StringBuilder function = new StringBuilder();
        for (int i = 3; i < parts.length && function.length() < 6; i++) {
            if (parts[i].length() != 1 || !Character.isLetter(parts[i].charAt(0))) {
                break;
            }
            function.append(parts[i].toUpperCase());
        }
        while (function.length() < 6) {
            function.append('-');
        }
        return "S" + affiliation + dimension + "P" + function + "-----";
    }
}
