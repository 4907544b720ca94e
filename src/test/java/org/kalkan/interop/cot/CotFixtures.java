package org.kalkan.interop.cot;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** CoT documents as TAK clients write them. */
public final class CotFixtures {

    private CotFixtures() {
    }

    public static String position(String uid, String type, double lat, double lon, String extraDetail) {
        return position(uid, type, lat, lon, extraDetail, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** A position the device timed at {@code now}. */
    public static String position(String uid, String type, double lat, double lon, String extraDetail, Instant now) {
        return "<event version=\"2.0\" uid=\"" + uid + "\" type=\"" + type + "\" how=\"m-g\" time=\"" + now
                + "\" start=\"" + now + "\" stale=\"" + now.plus(Duration.ofMinutes(5)) + "\">"
                + "<point lat=\"" + lat + "\" lon=\"" + lon + "\" hae=\"10\" ce=\"9999999\" le=\"9999999\"/>"
                + "<detail><contact callsign=\"" + uid + "-callsign\"/>" + extraDetail + "</detail></event>";
    }

    public static String labelled(String uid, String classification, String releasableTo) {
        return position(uid, "a-f-G-U-C", 40.4, 49.9,
                "<__kalkan classification=\"" + classification + "\" releasableTo=\"" + releasableTo + "\"/>");
    }

    public static String ping() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return "<event version=\"2.0\" uid=\"takPing\" type=\"t-x-c-t\" how=\"h-g-i-g-o\" time=\"" + now
                + "\" start=\"" + now + "\" stale=\"" + now.plusSeconds(20) + "\">"
                + "<point lat=\"0\" lon=\"0\" hae=\"0\" ce=\"9999999\" le=\"9999999\"/><detail/></event>";
    }

    public static String protocolRequest() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return "<event version=\"2.0\" uid=\"protouid\" type=\"t-x-takp-q\" how=\"m-g\" time=\"" + now
                + "\" start=\"" + now + "\" stale=\"" + now.plusSeconds(60) + "\">"
                + "<point lat=\"0.0\" lon=\"0.0\" hae=\"0.0\" ce=\"999999\" le=\"999999\"/>"
                + "<detail><TakControl><TakRequest version=\"1\"/></TakControl></detail></event>";
    }
}
