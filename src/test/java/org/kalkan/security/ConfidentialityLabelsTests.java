package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labels as STANAG 4774 confidentiality labels (XML and JSON) and records bound to their labels STANAG 4778-style:
 * the binding's XML signature is checked here with the JDK's own XMLDSig against the node's public key, and any
 * change to the label or the data breaks it.
 */
@KalkanTest
class ConfidentialityLabelsTests {

    private static final SecurityLabel LABEL = SecurityLabel.of(Classification.CONFIDENTIAL, "AZE", "TUR");
    private static final Instant AT = Instant.parse("2026-11-25T14:30:00Z");

    @Autowired
    ConfidentialityLabels labels;

    @Autowired
    NodeKeys keys;

    @LocalServerPort
    int port;

    @Test
    void aLabelIsAStanag4774ConfidentialityLabel() throws Exception {
        Document xml = parse(labels.xml(LABEL, AT));
        XPath xpath = xpath();
        assertThat(xml.getDocumentElement().getNamespaceURI())
                .isEqualTo("urn:nato:stanag:4774:confidentialitymetadatalabel:1:0");
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("ConfidentialityLabel");
        assertThat(xpath.evaluate("/s:ConfidentialityLabel/s:ConfidentialityInformation/s:PolicyIdentifier", xml))
                .isEqualTo("KALKAN");
        assertThat(xpath.evaluate("//s:ConfidentialityInformation/s:Classification", xml)).isEqualTo("CONFIDENTIAL");
        assertThat(xpath.evaluate("//s:Category/@Type", xml)).isEqualTo("PERMISSIVE");
        assertThat(xpath.evaluate("//s:Category/@TagName", xml)).isEqualTo("Releasable To");
        NodeList values = (NodeList) xpath.evaluate("//s:Category/s:GenericValue", xml, XPathConstants.NODESET);
        assertThat(List.of(values.item(0).getTextContent(), values.item(1).getTextContent()))
                .containsExactly("AZE", "TUR");
        assertThat(xpath.evaluate("/s:ConfidentialityLabel/s:CreationDateTime", xml)).isEqualTo("2026-11-25T14:30:00Z");

        JsonNode json = JsonMapper.builder().build().readTree(labels.json(LABEL, AT));
        assertThat(json.get("ConfidentialityInformation").get("Classification").asString()).isEqualTo("CONFIDENTIAL");
        assertThat(json.get("ConfidentialityInformation").get("PolicyIdentifier").asString()).isEqualTo("KALKAN");
        assertThat(json.get("ConfidentialityInformation").get("Category").get(0).get("GenericValue").toString())
                .isEqualTo("[\"AZE\",\"TUR\"]");
    }

    @Test
    void aBindingIsSignedByTheNodeOverLabelAndData() throws Exception {
        byte[] data = "{\"type\":\"bundle\"}".getBytes(StandardCharsets.UTF_8);
        String binding = labels.bind(LABEL, data, "application/stix+json;version=2.1", AT);
        assertThat(labels.verify(binding)).isTrue();
        assertThat(jdkVerifies(binding)).isTrue();
        Document document = parse(binding);
        assertThat(document.getDocumentElement().getNamespaceURI())
                .isEqualTo("urn:nato:stanag:4778:bindinginformation:1:0");
        assertThat(xpath().evaluate("//s:originatorConfidentialityLabel//s:Classification", document))
                .isEqualTo("CONFIDENTIAL");
        String embedded = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Object").item(0).getTextContent();
        assertThat(Base64.getDecoder().decode(embedded)).isEqualTo(data);

        String downgraded = binding.replace(">CONFIDENTIAL<", ">UNCLASSIFIED<");
        assertThat(downgraded).isNotEqualTo(binding);
        assertThat(labels.verify(downgraded)).isFalse();
        assertThat(jdkVerifies(downgraded)).isFalse();
        String widened = binding.replace(">TUR<", ">KAZ<");
        assertThat(labels.verify(widened)).isFalse();
        String otherData = binding.replace(embedded, Base64.getEncoder().encodeToString(
                "{\"type\":\"other\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(labels.verify(otherData)).isFalse();
        assertThat(labels.verify("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")).isFalse();
    }

    @Test
    void theApiExportsALabelAsXmlOrJson() {
        ApiClient api = new ApiClient(port);
        String token = api.token("aze.officer", "kalkan-demo");
        Map<String, Object> label = Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"));
        ApiClient.Response json = api.post("/api/v1/labels/stanag4774", token, label);
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("ConfidentialityInformation").get("Classification").asString())
                .isEqualTo("RESTRICTED");
        assertThat(api.post("/api/v1/labels/stanag4774", token, Map.of("classification", "RESTRICTED",
                "releasableTo", List.of("NOWHERE"))).status()).isEqualTo(400);
    }

    /** The JDK's XMLDSig, with the node's public key, on the binding as received. */
    private boolean jdkVerifies(String binding) throws Exception {
        Document document = parse(binding);
        Element metadata = (Element) document.getElementsByTagNameNS(ConfidentialityLabels.BINDING_NAMESPACE,
                "Metadata").item(0);
        DOMValidateContext context = new DOMValidateContext(keys.publicKey(),
                document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0));
        context.setIdAttributeNS(metadata, null, "Id");
        return XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context).validate(context);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static XPath xpath() {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return "s".equals(prefix) ? ConfidentialityLabels.LABEL_NAMESPACE : XMLConstants.NULL_NS_URI;
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return java.util.Collections.emptyIterator();
            }
        });
        return xpath;
    }
}
