package org.kalkan.interop.cap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalkan.incident.Confidence;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.interop.cap.CapFixtures;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.SecurityLabel;

/** Every sample of the shared CAP material, opened and mapped without a node (the API tests post them too). */
class CapSamplesTests {

    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
    private static final SecurityLabel PUBLIC = SecurityLabel.of(Classification.UNCLASSIFIED, "ALL");

    private static CapDocuments.Opened open(String sample) {
        return CapDocuments.open(CapXml.parse(CapFixtures.sample(sample), new CapXml.Limits(32, 20000)), NOW);
    }

    private static List<Violation> refused(String sample) {
        try {
            open(sample);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError(sample + " was accepted");
    }

    private static CapMapping.Result map(CapMessage message, GeoPoint reference) {
        return CapMapping.map(message, PUBLIC, reference, "CAP test", null);
    }

    @Test
    void australiaHasTwoInfoBlocksWithACircleEach() {
        CapMessage message = open("australia.cap").alerts().get(0).message();
        var reports = map(message, null).reports();
        assertThat(reports).hasSize(2);
        var report = reports.get(0).report();
        assertThat(report.category()).isEqualTo(IncidentCategory.NATURAL_DISASTER);
        assertThat(report.severity()).isEqualTo(2);
        assertThat(report.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(report.location().lat()).isCloseTo(-35.3888, org.assertj.core.data.Offset.offset(0.001));
        assertThat(report.location().lon()).isCloseTo(147.0598, org.assertj.core.data.Offset.offset(0.001));
        assertThat(report.areaGeoJson()).startsWith("{\"type\":\"Polygon\"");
        assertThat(report.title()).isEqualTo("Yerong Creek Structure Fire");
        assertThat(report.observedAt()).isEqualTo(Instant.parse("2011-10-05T13:04:00Z"));
    }

    @Test
    void canadaIsAnUpdateOfTwoEarlierMessagesWithTwoPolygonsPerLanguage() {
        CapMessage message = open("canada.cap").alerts().get(0).message();
        assertThat(message.msgType()).isEqualTo("Update");
        assertThat(message.references()).hasSize(2);
        assertThat(message.sent().toInstant()).isEqualTo(Instant.parse("2012-05-02T23:21:04Z"));
        var reports = map(message, null).reports();
        assertThat(reports).hasSize(4);
        GeoPoint windsor = reports.get(0).report().location();
        assertThat(windsor.lat()).isBetween(41.7, 42.4);
        assertThat(windsor.lon()).isBetween(-83.2, -82.3);
    }

    @Test
    void theUsgsEarthquakeIsCap11WithAPointCircle() {
        var alert = open("earthquake.cap").alerts().get(0);
        assertThat(alert.version()).isEqualTo("1.1");
        var report = map(alert.message(), null).reports().get(0).report();
        assertThat(report.category()).isEqualTo(IncidentCategory.NATURAL_DISASTER);
        assertThat(report.confidence()).isEqualTo(Confidence.PROBABLE);
        assertThat(report.severity()).isEqualTo(3);
        assertThat(report.location()).isEqualTo(new GeoPoint(-16.053, -173.274));
        assertThat(report.areaGeoJson()).isEqualTo("{\"type\":\"Point\",\"coordinates\":[-173.274000,-16.053000]}");
    }

    @Test
    void aMessageWithoutInfoFilesNothing() {
        assertThat(map(open("no_optional_fields.cap").alerts().get(0).message(), null).reports()).isEmpty();
    }

    @Test
    void anAreaGivenOnlyByGeocodesTakesTheSourcesReferencePositionOrNone() {
        CapMessage message = open("weather.cap").alerts().get(0).message();
        GeoPoint baku = new GeoPoint(40.4093, 49.8671);
        var placed = map(message, baku);
        assertThat(placed.reports()).singleElement().satisfies(m -> {
            assertThat(m.report().location()).isEqualTo(baku);
            assertThat(m.report().areaGeoJson()).isNull();
            assertThat(m.report().narrative()).contains("reference point").contains("FIPS6 030049");
        });
        var unplaced = map(message, null);
        assertThat(unplaced.reports()).isEmpty();
        assertThat(unplaced.notes()).singleElement().asString().contains("no report");
    }

    @Test
    void theValidEnvelopeCarriesSevenAlerts() {
        var opened = open("bushfire_valid.edxlde");
        assertThat(opened.kind()).isEqualTo("EDXL-DE");
        assertThat(opened.distributionId()).isEqualTo("RFSuniqueID12345");
        assertThat(opened.alerts()).hasSize(7);
        assertThat(opened.alerts()).allSatisfy(a -> assertThat(map(a.message(), null).reports()).hasSize(1));
    }

    @Test
    void theInvalidEnvelopeNamesBothBrokenAlerts() {
        assertThat(refused("bushfire_invalid.edxlde")).extracting(Violation::where).containsExactly(
                "/EDXLDistribution/contentObject[2]/xmlContent/embeddedXMLContent[1]/alert",
                "/EDXLDistribution/contentObject[3]/xmlContent/embeddedXMLContent[1]/alert/info[1]/urgency");
        assertThat(refused("bushfire_invalid.edxlde")).extracting(Violation::message).satisfiesExactly(
                m -> assertThat(m).contains("identifier"), m -> assertThat(m).contains("Foobar"));
    }

    @Test
    void invalidCapNamesTheMissingScope() {
        assertThat(refused("invalid.cap")).singleElement().satisfies(v -> {
            assertThat(v.where()).isEqualTo("/alert/info[1]");
            assertThat(v.message()).contains("scope");
        });
    }

    @Test
    void theXmlExternalEntityAttackIsRefusedAtItsDoctype() {
        assertThatThrownBy(() -> open("xee.cap")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).singleElement()
                        .satisfies(v -> assertThat(v.message()).contains("DOCTYPE")));
    }

    @Test
    void cap10IsUpgradedWithItsValueNamePairs() {
        String v10 = """
                <alert xmlns="http://www.incident.com/cap/1.0">
                  <identifier>AZ-10-1</identifier><sender>cap@fhn.gov.az</sender>
                  <sent>2026-11-25T08:00:00+04:00</sent><status>Actual</status><msgType>Alert</msgType>
                  <password>secret</password>
                  <info><event>Flood</event><urgency>Expected</urgency><severity>Moderate</severity>
                    <certainty>Very Likely</certainty><parameter>river=Kura</parameter>
                    <area><areaDesc>Sabirabad</areaDesc><circle>40.01,48.47 10</circle></area></info>
                </alert>""";
        var alert = CapDocuments.open(CapXml.parse(CapFixtures.utf8(v10), new CapXml.Limits(32, 100)), NOW)
                .alerts().get(0);
        assertThat(alert.version()).isEqualTo("1.0");
        CapMessage message = alert.message();
        assertThat(message.scope()).isEqualTo("Restricted");
        assertThat(message.infos().get(0).categories()).containsExactly("Other");
        assertThat(message.infos().get(0).certainty()).isEqualTo("Likely");
        assertThat(new String(CapXml.bytes(alert.cap12()), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("password").contains("<valueName>river</valueName>");
    }

    @Test
    void encodingsAreReadAsDeclared() {
        String latin1 = CapFixtures.earthquake("AZ-ISO-1", "2026-11-25T08:00:00+04:00", "Alert", "",
                CapFixtures.SHAMAKHI.replace("Shamakhi district", "Göyçay rayonu"))
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"").replace("Göyçay", "Göyçay");
        byte[] bytes = latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains((byte) 0xF6); // ö as one ISO-8859-1 byte
        var message = CapDocuments.open(CapXml.parse(bytes, new CapXml.Limits(32, 100)), NOW).alerts().get(0)
                .message();
        assertThat(message.infos().get(0).areas().get(0).description()).isEqualTo("Göyçay rayonu");
    }
}
