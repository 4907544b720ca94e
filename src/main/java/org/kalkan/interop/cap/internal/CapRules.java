package org.kalkan.interop.cap.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.InvalidInputException.Violation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The CAP 1.2 rules the schema cannot express (OASIS CAP 1.2, section 3), each reported with the element path:
 * times with a numeric offset and no fractions; identifiers and senders without spaces, commas, {@code <} or
 * {@code &}; polygons of at least four points closed on the first; circles {@code lat,lon radius}; references of
 * {@code sender,identifier,sent} naming earlier messages, required by {@code Update} and {@code Cancel};
 * {@code restriction} only with scope {@code Restricted}; {@code addresses} with scope {@code Private};
 * {@code ceiling} only with, and above, {@code altitude}. A message sent in the future is refused too.
 */
final class CapRules {

    /** CAP's dateTime: {@code 2026-11-25T08:00:00+04:00}; {@code -00:00} means UTC as well. */
    static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
    private static final String TIME_RULE = "a CAP time has a numeric offset and no fractions of a second, "
            + "e.g. 2026-11-25T08:00:00+04:00 ('Z' is not allowed)";
    private static final Set<String> NEEDS_REFERENCES = Set.of("Update", "Cancel");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private CapRules() {
    }

    /** Every rule the alert breaks; {@code prefix} goes before each path (an envelope's path to the alert). */
    public static List<Violation> check(Document document, String prefix, Instant now) {
        List<Violation> violations = new ArrayList<>();
        Element alert = document.getDocumentElement();
        Rules rules = new Rules(prefix, violations);
        rules.identity(CapXml.child(alert, "identifier"), "identifier");
        rules.identity(CapXml.child(alert, "sender"), "sender");
        Element sentElement = CapXml.child(alert, "sent");
        OffsetDateTime sent = rules.time(sentElement);
        if (sentElement != null && sent != null && sent.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            rules.add(sentElement, "the message is sent in the future (" + sent + ")");
        }
        String scope = CapXml.text(alert, "scope");
        Element restriction = CapXml.child(alert, "restriction");
        if (restriction != null && !restriction.getTextContent().isBlank() && !"Restricted".equals(scope)) {
            rules.add(restriction, "restriction is only used with scope Restricted (scope is " + scope + ")");
        }
        if ("Private".equals(scope) && CapXml.text(alert, "addresses") == null) {
            rules.add(alert, "scope Private needs addresses");
        }
        Element references = CapXml.child(alert, "references");
        String msgType = CapXml.text(alert, "msgType");
        if (references != null) {
            rules.references(references, sent);
        } else if (msgType != null && NEEDS_REFERENCES.contains(msgType)) {
            rules.add(alert, "an " + msgType + " must reference the earlier message(s) it replaces (references)");
        }
        for (Element info : CapXml.children(alert, "info")) {
            for (String name : List.of("effective", "onset", "expires")) {
                rules.time(CapXml.child(info, name));
            }
            for (Element area : CapXml.children(info, "area")) {
                CapXml.children(area, "polygon").forEach(p -> rules.problem(p,
                        CapGeometry.polygon(p.getTextContent()).problem()));
                CapXml.children(area, "circle").forEach(c -> rules.problem(c,
                        CapGeometry.circle(c.getTextContent()).problem()));
                rules.altitudes(area);
            }
        }
        return violations;
    }

    /** The rules' shared bookkeeping: each violation with its path. */
    private record Rules(String prefix, List<Violation> violations) {

        void add(Element element, String message) {
            violations.add(new Violation(prefix + CapXml.path(element), message));
        }

        void problem(Element element, @Nullable String problem) {
            if (problem != null) {
                add(element, problem);
            }
        }

        void identity(@Nullable Element element, String name) {
            if (element == null) {
                return; // the schema reports it missing
            }
            problem(element, identityProblem(name, element.getTextContent().strip()));
        }

        @Nullable OffsetDateTime time(@Nullable Element element) {
            if (element == null) {
                return null;
            }
            String text = element.getTextContent().strip();
            OffsetDateTime time = parseTime(text);
            if (time == null) {
                add(element, TIME_RULE + "; was '" + text + "'");
            }
            return time;
        }

        void references(Element element, @Nullable OffsetDateTime sent) {
            String value = element.getTextContent().strip();
            if (value.isEmpty()) {
                add(element, "references, when present, must name at least one earlier message as "
                        + "sender,identifier,sent");
                return;
            }
            for (String entry : value.split("\\s+")) {
                String[] parts = entry.split(",", -1);
                if (parts.length != 3) {
                    add(element, "each reference is sender,identifier,sent (three parts, no spaces), was '" + entry
                            + "'");
                    continue;
                }
                problem(element, identityProblem("the sender of reference '" + entry + "'", parts[0]));
                problem(element, identityProblem("the identifier of reference '" + entry + "'", parts[1]));
                OffsetDateTime referenced = parseTime(parts[2]);
                if (referenced == null) {
                    add(element, "the sent time of reference '" + entry + "': " + TIME_RULE);
                } else if (sent != null && referenced.toInstant().isAfter(sent.toInstant())) {
                    add(element, "reference '" + entry + "' is not an earlier message: sent after this one");
                }
            }
        }

        void altitudes(Element area) {
            Element altitude = CapXml.child(area, "altitude");
            Element ceiling = CapXml.child(area, "ceiling");
            Double low = number(altitude, "altitude");
            Double high = number(ceiling, "ceiling");
            if (ceiling != null && altitude == null) {
                add(ceiling, "ceiling is only used together with altitude");
            } else if (ceiling != null && low != null && high != null && high <= low) {
                add(ceiling, "ceiling (" + high + " ft) must be above altitude (" + low + " ft)");
            }
        }

        private @Nullable Double number(@Nullable Element element, String name) {
            if (element == null) {
                return null;
            }
            try {
                return Double.parseDouble(element.getTextContent().strip());
            } catch (NumberFormatException e) {
                add(element, name + " must be a number of feet, was '" + element.getTextContent().strip() + "'");
                return null;
            }
        }
    }

    private static @Nullable String identityProblem(String name, String value) {
        if (value.isEmpty()) {
            return name + " must not be empty";
        }
        for (char c : value.toCharArray()) {
            if (Character.isWhitespace(c) || c == ',' || c == '<' || c == '&') {
                return name + " must not contain spaces, commas, '<' or '&', was '" + value + "'";
            }
        }
        return null;
    }

    static @Nullable OffsetDateTime parseTime(String text) {
        if (!TIME.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
