package org.kalkan.interop.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Checks of what the node publishes, configured independently of the node: the JDK's own XMLDSig implementation
 * (javax.xml.crypto) with the certificate fetched from the node, libxmlsec1's {@code xmlsec1} and libxml2's
 * {@code xmllint} where Debian's packages are installed (CI installs them), and the JDK's schema validator.
 */
final class PublishedCap {

    private static final String SCHEMAS = "src/main/resources/cap/";

    private PublishedCap() {
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + new String(xml, StandardCharsets.UTF_8), e);
        }
    }

    static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the JDK's XMLDSig, with secure validation, finds the document's one signature valid for the key. */
    static boolean jdkVerifies(Document document, PublicKey key) {
        try {
            NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
            assertThat(signatures.getLength()).isEqualTo(1);
            DOMValidateContext context = new DOMValidateContext(key, signatures.item(0));
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            return signature.validate(context);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The JDK's schema validator on one of the shipped OASIS schemas; throws with the error when invalid. */
    static void schemaValid(byte[] xml, String schema) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.newSchema(new File(SCHEMAS + schema)).newValidator()
                    .validate(new DOMSource(parse(xml)));
        } catch (Exception e) {
            throw new AssertionError(schema + ": " + e.getMessage(), e);
        }
    }

    /** Whether a Debian tool is there; under CI it must be ({@code .ci/run} installs it). */
    static boolean installed(String tool) {
        boolean installed = new File("/usr/bin/" + tool).canExecute();
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install " + tool + " (see .ci/run)");
        }
        return installed;
    }

    /** libxml2's verdict ({@code xmllint --schema}); null when xmllint is not installed. */
    static String xmllint(byte[] xml, String schema) throws IOException, InterruptedException {
        Path file = Files.createTempFile("kalkan-cap", ".xml");
        Files.write(file, xml);
        try {
            return run("xmllint", "--noout", "--nonet", "--schema", SCHEMAS + schema, file.toString());
        } finally {
            Files.delete(file);
        }
    }

    /** libxmlsec1's verdict on the signature with the certificate as trust anchor. */
    static String xmlsec1(byte[] xml, String certificatePem) throws IOException, InterruptedException {
        Path file = Files.createTempFile("kalkan-cap", ".xml");
        Path certificate = Files.createTempFile("kalkan-node", ".pem");
        Files.write(file, xml);
        Files.writeString(certificate, certificatePem);
        try {
            return run("xmlsec1", "--verify", "--trusted-pem", certificate.toString(), file.toString());
        } finally {
            Files.delete(file);
            Files.delete(certificate);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + " " + output;
    }
}
