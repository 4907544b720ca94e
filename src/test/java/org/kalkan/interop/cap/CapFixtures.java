package org.kalkan.interop.cap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** CAP messages for tests: the shared samples, and an earthquake warning in Azerbaijan to vary per test. */
public final class CapFixtures {

    public static final String SENDER = "cap@fhn.gov.az";

    private CapFixtures() {
    }

    public static byte[] sample(String name) {
        try (InputStream in = CapFixtures.class.getResourceAsStream("/cap/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh identifier, so tests of a shared node never collide. */
    public static String identifier(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A valid CAP 1.2 earthquake warning for Shamakhi with a polygon; {@code extra} goes after the scope. */
    public static String earthquake(String identifier, String sent, String msgType, String extra, String area) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier>
                  <sender>%s</sender>
                  <sent>%s</sent>
                  <status>Actual</status>
                  <msgType>%s</msgType>
                  <scope>Public</scope>
                  %s
                  <info>
                    <language>en-US</language>
                    <category>Geo</category>
                    <event>Earthquake</event>
                    <urgency>Immediate</urgency>
                    <severity>Severe</severity>
                    <certainty>Observed</certainty>
                    <senderName>AZE Ministry of Emergency Situations</senderName>
                    <headline>M6.1 earthquake near Shamakhi</headline>
                    <description>A magnitude 6.1 earthquake struck 10 km north of Shamakhi at a depth of 12 km.</description>
                    <instruction>Stay out of damaged buildings.</instruction>
                    %s
                  </info>
                </alert>
                """.formatted(identifier, SENDER, sent, msgType, extra, area).strip();
    }

    public static final String SHAMAKHI = """
            <area>
              <areaDesc>Shamakhi district</areaDesc>
              <polygon>40.70,48.50 40.70,48.80 40.55,48.80 40.55,48.50 40.70,48.50</polygon>
            </area>""";

    /** Far from Shamakhi (about 250 km): reports here never correlate with those of {@link #SHAMAKHI}. */
    public static final String GANJA = """
            <area>
              <areaDesc>Ganja city</areaDesc>
              <polygon>40.75,46.30 40.75,46.45 40.62,46.45 40.62,46.30 40.75,46.30</polygon>
            </area>""";

    /** A CAP time {@code minutesAgo} before the node's now, in Baku's offset (+04:00), to the second. */
    public static String sent(java.time.Clock clock, int minutesAgo) {
        return java.time.OffsetDateTime.ofInstant(clock.instant().minus(java.time.Duration.ofMinutes(minutesAgo)),
                java.time.ZoneOffset.ofHours(4)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                // Always with seconds: OffsetDateTime.toString() drops ':00', which CAP refuses, whenever the shared
                // test clock stands on a whole minute.
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
