package org.kalkan.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A STANAG 6001 standardised language profile: four levels — listening, speaking, reading, writing — each 0 to 5,
 * with a plus level from 0+ to 4+, e.g. {@code 3232} or {@code 2+2+22}. {@code language} is an ISO 639 code.
 */
public record LanguageProfile(String language, String profile) {

    static final List<String> SKILLS = List.of("listening", "speaking", "reading", "writing");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern PROFILE = Pattern.compile("(?:[0-4]\\+?|5){4}");
    private static final Pattern LEVEL = Pattern.compile("([0-4])(\\+?)|5");

    public LanguageProfile {
        String code = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(code).matches()) {
            throw new IllegalArgumentException("language must be an ISO 639 code such as en, ru, tr; was '"
                    + language + "'");
        }
        String levels = profile == null ? "" : profile.strip();
        if (!PROFILE.matcher(levels).matches()) {
            throw new IllegalArgumentException("profile must be a STANAG 6001 profile of four levels 0-5 with plus "
                    + "levels (listening, speaking, reading, writing), e.g. 3232 or 2+2+22; was '" + profile + "'");
        }
        language = code;
        profile = levels;
    }

    /** The four levels in half steps: level × 2, plus one for a plus level (2+ is 5, 3 is 6). */
    public int[] levels() {
        int[] levels = new int[4];
        Matcher m = LEVEL.matcher(profile);
        for (int i = 0; i < 4 && m.find(); i++) {
            levels[i] = m.group(1) == null ? 10 : Integer.parseInt(m.group(1)) * 2 + (m.group(2).isEmpty() ? 0 : 1);
        }
        return levels;
    }

    /** The skills in which this profile falls short of the required one, e.g. {@code speaking 1+ < 2}. */
    public List<String> shortfalls(LanguageProfile required) {
        List<String> missing = new ArrayList<>();
        if (!language.equals(required.language)) {
            missing.add("no " + required.language + " profile");
            return missing;
        }
        int[] mine = levels();
        int[] wanted = required.levels();
        for (int i = 0; i < 4; i++) {
            if (mine[i] < wanted[i]) {
                missing.add(SKILLS.get(i) + " " + level(mine[i]) + " < " + level(wanted[i]));
            }
        }
        return missing;
    }

    public boolean meets(LanguageProfile required) {
        return shortfalls(required).isEmpty();
    }

    private static String level(int halfSteps) {
        return (halfSteps / 2) + (halfSteps % 2 == 1 ? "+" : "");
    }

    @Override
    public String toString() {
        return language + " " + profile;
    }
}
