package org.kalkan.interop.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kalkan.shared.Classification;

class CotXmlTests {

    private static CotEvent parse(String xml) throws CotXml.Refused {
        return CotXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAnEventWithItsLabelAndWritesItBackStrictly() throws Exception {
        CotEvent event = parse(CotFixtures.labelled("u-1", "CONFIDENTIAL", "TUR, AZE").replace("<detail>",
                "<detail><!-- a comment --><remarks>a &amp; b</remarks>"));
        assertThat(event.uid()).isEqualTo("u-1");
        assertThat(event.callsign()).isEqualTo("u-1-callsign");
        assertThat(event.label().classification()).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(event.label().releasableTo()).containsExactly("AZE", "TUR");
        assertThat(event.detail()).isEqualTo("<remarks>a &amp; b</remarks><contact callsign=\"u-1-callsign\"></contact>");

        String written = CotXml.write(event, event.label());
        assertThat(written).startsWith("<event version=\"2.0\" uid=\"u-1\" type=\"a-f-G-U-C\"")
                .endsWith("<__kalkan classification=\"CONFIDENTIAL\" releasableTo=\"AZE,TUR\"/></detail></event>");
        assertThat(parse(written)).usingRecursiveComparison().isEqualTo(event);
    }

    @Test
    void refusesDtdsEntitiesAndNonEvents() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE event [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                + "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>" + CotFixtures.position("x", "a-f-G", 1, 1,
                "<remarks>&lol2;</remarks>");
        assertThatThrownBy(() -> parse(laughs)).isInstanceOfSatisfying(CotXml.Refused.class,
                r -> assertThat(r.reason()).isEqualTo("dtd"));
        String external = CotFixtures.position("x", "a-f-G", 1, 1, "<remarks>&xxe;</remarks>");
        assertThatThrownBy(() -> parse(external)).isInstanceOf(CotXml.Refused.class);
        assertThatThrownBy(() -> parse("<auth><cot username=\"x\"/></auth>")).isInstanceOf(CotXml.Refused.class);
        assertThatThrownBy(() -> parse("<event uid=\"x\" type=\"a\" time=\"t\"")).isInstanceOf(CotXml.Refused.class);
        assertThatThrownBy(() -> parse(CotFixtures.position("x", "a-f-G", 91, 1, "")))
                .isInstanceOf(CotXml.Refused.class);
    }

    @Test
    void anEventDeeperOrLargerThanTheLimitsIsRefusedByName() throws Exception {
        var limits = new CotXml.Limits(6, 20);
        String fits = CotFixtures.position("fits", "a-f-G", 1, 1, "<a><b><c/></b></a>" + "<x/>".repeat(10));
        assertThat(CotXml.parse(fits.getBytes(StandardCharsets.UTF_8), limits).detail()).contains("<c></c>");
        String deep = CotFixtures.position("deep", "a-f-G", 1, 1, "<a><b><c><d><e/></d></c></b></a>");
        assertThatThrownBy(() -> CotXml.parse(deep.getBytes(StandardCharsets.UTF_8), limits))
                .isInstanceOfSatisfying(CotXml.Refused.class, r -> assertThat(r.reason()).isEqualTo("depth"));
        String wide = CotFixtures.position("wide", "a-f-G", 1, 1, "<x/>".repeat(20));
        assertThatThrownBy(() -> CotXml.parse(wide.getBytes(StandardCharsets.UTF_8), limits))
                .isInstanceOfSatisfying(CotXml.Refused.class, r -> assertThat(r.reason()).isEqualTo("elements"));
        String hiddenOutsideDetail = CotFixtures.position("outside", "a-f-G", 1, 1, "")
                .replace("<detail>", "<junk>" + "<j>".repeat(10) + "</j>".repeat(10) + "</junk><detail>");
        assertThatThrownBy(() -> CotXml.parse(hiddenOutsideDetail.getBytes(StandardCharsets.UTF_8), limits))
                .isInstanceOfSatisfying(CotXml.Refused.class, r -> assertThat(r.reason()).isEqualTo("depth"));
    }

    @Test
    void aDetailTheNodeWritesIsClosedEvenWhenItsLastElementIsEmpty() throws Exception {
        String detail = CotXml.detail(writer -> {
            writer.writeStartElement("remarks");
            writer.writeCharacters("a < b & \"c\"");
            writer.writeEndElement();
            writer.writeEmptyElement("link");
            writer.writeAttribute("url", "/incidents/1");
        });
        assertThat(detail).isEqualTo("<remarks>a &lt; b &amp; \"c\"</remarks><link url=\"/incidents/1\"/>");
        CotEvent event = parse(CotFixtures.position("m-1", "b-m-p-s-m", 1, 1, detail));
        assertThat(CotXml.write(event, CotXml.label("RESTRICTED", "MEMBERS"))).contains(
                "<link url=\"/incidents/1\"></link><__kalkan classification=\"RESTRICTED\" releasableTo=\"MEMBERS\"/>");
    }

    @Test
    void protocolVersionOneCarriesTheEventAndItsLabel() throws Exception {
        CotEvent event = parse(CotFixtures.position("p-1", "a-h-A", 40.25, 49.5, "<remarks>r</remarks>"));
        var label = CotXml.label("SECRET", "TUR");
        CotEvent decoded = TakProtobuf.decode(TakProtobuf.encode(event, label));
        assertThat(decoded).usingRecursiveComparison().ignoringFields("label").isEqualTo(event);
        assertThat(decoded.label()).isEqualTo(label);
    }

    @Test
    void labelsAreReadFromMarkings() {
        assertThat(CotXml.marking("RESTRICTED // REL TO MEMBERS").marking()).isEqualTo("RESTRICTED // REL TO MEMBERS");
        assertThat(CotXml.marking("SECRET // REL TO AZE, TUR").releasableTo()).containsExactly("AZE", "TUR");
        assertThatThrownBy(() -> CotXml.marking("TOP // REL TO X")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void symbolCodesFollowTheCotType() {
        assertThat(CotSymbols.sidc("a-f-G-U-C")).isEqualTo("SFGPUC---------");
        assertThat(CotSymbols.sidc("a-h-A-M-F")).isEqualTo("SHAPMF---------");
        assertThat(CotSymbols.sidc("a-f-G-U-C-I")).hasSize(15);
        assertThat(CotSymbols.sidc("b-m-p-s-m")).isNull();
    }
}
