package org.kalkan.interop.cap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalkan.interop.cap.CapFixtures;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.InvalidInputException.Violation;

/** Each rule the schema cannot express, with a message written to break it (and only it). */
class CapRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
    private static final String SENT = "2026-11-25T08:00:00+04:00";

    private static CapDocuments.Opened open(String xml) {
        return CapDocuments.open(CapXml.parse(xml.getBytes(StandardCharsets.UTF_8), new CapXml.Limits(32, 20000)),
                NOW);
    }

    private static List<Violation> violations(String xml) {
        try {
            open(xml);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + xml);
    }

    private static String quake(String sent, String msgType, String extra, String area) {
        return CapFixtures.earthquake("AZ-EQ-1", sent, msgType, extra, area);
    }

    @Test
    void theWellFormedEarthquakeIsAccepted() {
        CapMessage message = open(quake(SENT, "Alert", "", CapFixtures.SHAMAKHI)).alerts().get(0).message();
        assertThat(message.sent().toInstant()).isEqualTo(Instant.parse("2026-11-25T04:00:00Z"));
        assertThat(message.infos().get(0).areas().get(0).polygons().get(0)).hasSize(5);
    }

    @Test
    void timesNeedANumericOffsetAndNoFractions() {
        assertThat(violations(quake("2026-11-25T04:00:00Z", "Alert", "", CapFixtures.SHAMAKHI)))
                .containsExactly(new Violation("/alert/sent", "a CAP time has a numeric offset and no fractions of a "
                        + "second, e.g. 2026-11-25T08:00:00+04:00 ('Z' is not allowed); was '2026-11-25T04:00:00Z'"));
        assertThat(violations(quake("2026-11-25T08:00:00.250+04:00", "Alert", "", CapFixtures.SHAMAKHI)))
                .extracting(Violation::where).containsExactly("/alert/sent");
        String withOnset = quake(SENT, "Alert", "", CapFixtures.SHAMAKHI)
                .replace("<senderName>", "<onset>2026-11-25T07:55:00</onset><senderName>");
        assertThat(violations(withOnset)).extracting(Violation::where).containsExactly("/alert/info[1]/onset");
    }

    @Test
    void aMessageSentInTheFutureIsRefused() {
        assertThat(violations(quake("2026-11-25T12:00:00+04:00", "Alert", "", CapFixtures.SHAMAKHI)))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("sent in the future"));
    }

    @Test
    void polygonsNeedFourPointsClosedOnTheFirst() {
        String triangle = CapFixtures.SHAMAKHI.replace("40.70,48.50 40.70,48.80 40.55,48.80 40.55,48.50 40.70,48.50",
                "40.70,48.50 40.70,48.80 40.70,48.50");
        assertThat(violations(quake(SENT, "Alert", "", triangle))).singleElement().satisfies(v -> {
            assertThat(v.where()).isEqualTo("/alert/info[1]/area[1]/polygon[1]");
            assertThat(v.message()).contains("at least four points");
        });
        String open = CapFixtures.SHAMAKHI.replace("40.55,48.50 40.70,48.50", "40.55,48.50 40.60,48.50");
        assertThat(violations(quake(SENT, "Alert", "", open))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("must be closed"));
        String outOfRange = CapFixtures.SHAMAKHI.replace("40.70,48.80", "95.70,48.80");
        assertThat(violations(quake(SENT, "Alert", "", outOfRange))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("latitude"));
    }

    @Test
    void circlesAreLatLonAndARadius() {
        String good = "<area><areaDesc>Epicentre</areaDesc><circle>40.63,48.64 25</circle></area>";
        assertThat(open(quake(SENT, "Alert", "", good)).alerts()).hasSize(1);
        for (String bad : List.of("40.63,48.64", "40.63 48.64 25", "40.63,48.64 -5", "40.63,48.64 km")) {
            String area = "<area><areaDesc>Epicentre</areaDesc><circle>" + bad + "</circle></area>";
            assertThat(violations(quake(SENT, "Alert", "", area))).as(bad).singleElement()
                    .satisfies(v -> assertThat(v.where()).isEqualTo("/alert/info[1]/area[1]/circle[1]"));
        }
    }

    @Test
    void referencesWhenPresentAreNonEmptyTriplesOfEarlierMessages() {
        assertThat(violations(quake(SENT, "Alert", "<references></references>", CapFixtures.SHAMAKHI)))
                .singleElement().satisfies(v -> {
                    assertThat(v.where()).isEqualTo("/alert/references");
                    assertThat(v.message()).contains("at least one earlier message");
                });
        assertThat(violations(quake(SENT, "Update", "<references>" + CapFixtures.SENDER + ",AZ-EQ-0</references>",
                CapFixtures.SHAMAKHI))).singleElement().satisfies(v -> assertThat(v.message()).contains("three parts"));
        assertThat(violations(quake(SENT, "Update", "<references>" + CapFixtures.SENDER
                + ",AZ-EQ-0,2026-11-25T09:00:00+04:00</references>", CapFixtures.SHAMAKHI))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("not an earlier message"));
        assertThat(open(quake(SENT, "Update", "<references>" + CapFixtures.SENDER
                + ",AZ-EQ-0,2026-11-25T07:00:00+04:00</references>", CapFixtures.SHAMAKHI)).alerts()).hasSize(1);
    }

    @Test
    void updatesAndCancellationsMustReferenceAnEarlierMessage() {
        for (String msgType : List.of("Update", "Cancel")) {
            assertThat(violations(quake(SENT, msgType, "", CapFixtures.SHAMAKHI))).as(msgType).singleElement()
                    .satisfies(v -> {
                        assertThat(v.where()).isEqualTo("/alert");
                        assertThat(v.message()).contains("must reference");
                    });
        }
    }

    @Test
    void restrictionOnlyWithScopeRestricted() {
        assertThat(violations(quake(SENT, "Alert", "<restriction>civil protection staff only</restriction>",
                CapFixtures.SHAMAKHI))).singleElement().satisfies(v -> {
                    assertThat(v.where()).isEqualTo("/alert/restriction");
                    assertThat(v.message()).contains("only used with scope Restricted");
                });
        String restricted = quake(SENT, "Alert", "<restriction>civil protection staff only</restriction>",
                CapFixtures.SHAMAKHI).replace("<scope>Public</scope>", "<scope>Restricted</scope>");
        assertThat(open(restricted).alerts()).hasSize(1);
    }

    @Test
    void identifiersAndSendersHaveNoSpacesCommasOrMarkup() {
        for (String bad : List.of("AZ EQ 1", "AZ,EQ,1", "AZ&lt;EQ", "AZ&amp;EQ")) {
            String xml = CapFixtures.earthquake(bad, SENT, "Alert", "", CapFixtures.SHAMAKHI);
            assertThat(violations(xml)).as(bad).singleElement()
                    .satisfies(v -> assertThat(v.where()).isEqualTo("/alert/identifier"));
        }
        String badSender = quake(SENT, "Alert", "", CapFixtures.SHAMAKHI)
                .replace("<sender>" + CapFixtures.SENDER, "<sender>civil protection");
        assertThat(violations(badSender)).singleElement()
                .satisfies(v -> assertThat(v.where()).isEqualTo("/alert/sender"));
    }

    @Test
    void aCeilingNeedsAnAltitudeBelowIt() {
        String both = CapFixtures.SHAMAKHI.replace("</area>", "<altitude>1000</altitude><ceiling>500</ceiling></area>");
        assertThat(violations(quake(SENT, "Alert", "", both))).singleElement().satisfies(v -> {
            assertThat(v.where()).isEqualTo("/alert/info[1]/area[1]/ceiling");
            assertThat(v.message()).contains("above altitude");
        });
        String alone = CapFixtures.SHAMAKHI.replace("</area>", "<ceiling>500</ceiling></area>");
        assertThat(violations(quake(SENT, "Alert", "", alone))).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("only used together with altitude"));
        String fine = CapFixtures.SHAMAKHI.replace("</area>", "<altitude>0</altitude><ceiling>5000</ceiling></area>");
        assertThat(open(quake(SENT, "Alert", "", fine)).alerts()).hasSize(1);
    }

    @Test
    void everyViolationIsListedNotJustTheFirst() {
        String broken = CapFixtures.earthquake("AZ EQ", "2026-11-25T04:00:00Z", "Cancel",
                "<restriction>x</restriction>", CapFixtures.SHAMAKHI.replace("40.55,48.50 40.70,48.50", "40.55,48.50"));
        assertThat(violations(broken)).extracting(Violation::where).containsExactlyInAnyOrder("/alert/identifier",
                "/alert/sent", "/alert/restriction", "/alert", "/alert/info[1]/area[1]/polygon[1]");
    }

    @Test
    void theSchemaIsCheckedTooAndNamesWhatIsMissing() {
        String noScope = quake(SENT, "Alert", "", CapFixtures.SHAMAKHI).replace("<scope>Public</scope>", "");
        assertThat(violations(noScope)).singleElement().satisfies(v -> {
            assertThat(v.where()).isEqualTo("/alert/info[1]");
            assertThat(v.message()).startsWith("schema: ").contains("scope").doesNotContain("urn:oasis");
        });
    }

    @Test
    void documentTypeDeclarationsAndEntitiesAreRefusedBeforeAnythingIsRead() {
        String entity = "<?xml version=\"1.0\"?><!DOCTYPE alert [<!ENTITY x \"boom\">]><alert>&x;</alert>";
        assertThatThrownBy(() -> open(entity)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("DOCTYPE")));
    }

    @Test
    void depthAndSizeAreBounded() {
        String deep = "<a>".repeat(40) + "</a>".repeat(40);
        assertThatThrownBy(() -> open(deep)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("violation");
        String wide = "<a>" + "<b/>".repeat(20_001) + "</a>";
        assertThatThrownBy(() -> open(wide)).isInstanceOf(InvalidInputException.class);
    }
}
