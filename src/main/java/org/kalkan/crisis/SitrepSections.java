package org.kalkan.crisis;

/** The text of a SITREP: pre-filled from the crisis state, edited by people until it is issued. */
public record SitrepSections(String situation, String incidents, String tasks, String rfis, String decisions,
        String outlook) {

    public static final int MAX_SECTION = 20_000;

    public SitrepSections {
        situation = check(situation, "situation");
        incidents = check(incidents, "incidents");
        tasks = check(tasks, "tasks");
        rfis = check(rfis, "rfis");
        decisions = check(decisions, "decisions");
        outlook = check(outlook, "outlook");
    }

    /** The sections in report order, by name (for forms and exports). */
    public java.util.Map<String, String> byName() {
        java.util.Map<String, String> sections = new java.util.LinkedHashMap<>();
        sections.put("situation", situation);
        sections.put("incidents", incidents);
        sections.put("tasks", tasks);
        sections.put("rfis", rfis);
        sections.put("decisions", decisions);
        sections.put("outlook", outlook);
        return sections;
    }

    private static String check(String text, String name) {
        String value = text == null ? "" : text;
        if (value.length() > MAX_SECTION) {
            throw new IllegalArgumentException("section " + name + " is longer than " + MAX_SECTION + " characters");
        }
        return value;
    }
}
