package org.kalkan.interop.cap.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.kalkan.interop.cap.CapFixtures;
import org.kalkan.interop.cap.SignatureStatus;
import org.kalkan.interop.cap.SigningIdentity;
import org.w3c.dom.Document;

/** Signatures of incoming messages: what verifies, what is refused, and whom it is trusted for. */
class XmlSignaturesTests {

    static {
        org.apache.xml.security.Init.init();
    }

    private static final Instant NOW = Instant.now();
    private static final SigningIdentity AZE = SigningIdentity.ec("AZE civil protection");

    private static Document quake() {
        return CapXml.parse(CapFixtures.utf8(CapFixtures.earthquake("AZ-SIG-1", "2026-11-25T08:00:00+04:00", "Alert",
                "", CapFixtures.SHAMAKHI)), new CapXml.Limits(32, 1000));
    }

    /** Serialised and parsed again, as a receiver gets it. */
    private static Document received(Document signed) {
        return CapXml.parse(CapXml.bytes(signed), new CapXml.Limits(32, 1000));
    }

    @Test
    void aMessageSignedWithATrustedCertificateVerifies() {
        Document document = quake();
        XmlSignatures.sign(document, AZE.keys().getPrivate(), AZE.certificate());
        var result = XmlSignatures.verify(received(document), List.of(AZE.certificate()), NOW);
        assertThat(result.status()).isEqualTo(SignatureStatus.VERIFIED);
        assertThat(result.signer()).isEqualTo("CN=AZE civil protection");
    }

    @Test
    void rsaWorksToo() {
        SigningIdentity rsa = SigningIdentity.rsa("KAZ warning system");
        Document document = quake();
        XmlSignatures.sign(document, rsa.keys().getPrivate(), rsa.certificate());
        assertThat(XmlSignatures.verify(received(document), List.of(rsa.certificate()), NOW).status())
                .isEqualTo(SignatureStatus.VERIFIED);
    }

    @Test
    void aValidSignatureByAnUntrustedKeyIsUntrusted() {
        Document document = quake();
        XmlSignatures.sign(document, AZE.keys().getPrivate(), AZE.certificate());
        assertThat(XmlSignatures.verify(received(document), List.of(SigningIdentity.ec("other").certificate()), NOW)
                .status()).isEqualTo(SignatureStatus.UNTRUSTED);
    }

    @Test
    void aMessageChangedAfterSigningIsInvalid() {
        Document document = quake();
        XmlSignatures.sign(document, AZE.keys().getPrivate(), AZE.certificate());
        String tampered = new String(CapXml.bytes(document), StandardCharsets.UTF_8).replace("M6.1", "M4.1");
        var result = XmlSignatures.verify(CapXml.parse(tampered.getBytes(StandardCharsets.UTF_8),
                new CapXml.Limits(32, 1000)), List.of(AZE.certificate()), NOW);
        assertThat(result.status()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void sha1IsRefused() throws Exception {
        Document document = quake();
        XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA1,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        document.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        signature.addDocument("", transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1);
        signature.addKeyInfo(AZE.certificate());
        signature.sign(AZE.keys().getPrivate());
        var result = XmlSignatures.verify(received(document), List.of(AZE.certificate()), NOW);
        assertThat(result.status()).isEqualTo(SignatureStatus.REFUSED);
        assertThat(result.detail()).contains("SHA-256 or stronger");
    }

    @Test
    void aSignatureThatDoesNotCoverTheWholeAlertIsRefused() throws Exception {
        Document document = quake();
        org.w3c.dom.Element identifier = (org.w3c.dom.Element) document.getDocumentElement()
                .getElementsByTagNameNS(CapXml.CAP12, "identifier").item(0);
        identifier.setAttributeNS(null, "Id", "id1");
        identifier.setIdAttributeNS(null, "Id", true);
        XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        document.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("#id1", transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
        signature.addKeyInfo(AZE.certificate());
        signature.sign(AZE.keys().getPrivate());
        var result = XmlSignatures.verify(received(document), List.of(AZE.certificate()), NOW);
        assertThat(result.status()).as(result.detail()).isEqualTo(SignatureStatus.REFUSED);
        assertThat(result.detail()).contains("whole alert");
    }

    @Test
    void anUnsignedMessageIsUnsigned() {
        assertThat(XmlSignatures.verify(quake(), List.of(AZE.certificate()), NOW).status())
                .isEqualTo(SignatureStatus.UNSIGNED);
    }
}
