package org.kalkan.interop.cap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kalkan.interop.cap.CapProperties;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The certificates trusted for a source's XML signatures: the PEM files configured for it
 * ({@code kalkan.cap.sources[].trusted-certificates}, read once at start; a missing or bad file stops the node) and
 * those an administrator added through the API.
 */
@Component
public class TrustedCertificates {

    private final Map<String, List<X509Certificate>> configured;
    private final CapStore store;

    TrustedCertificates(CapProperties properties, ResourceLoader resources, CapStore store) {
        this.store = store;
        this.configured = properties.sources().stream().collect(Collectors.toMap(CapProperties.Source::account,
                source -> source.certificates().stream().flatMap(location -> load(resources, location).stream())
                        .toList(), (a, b) -> a));
    }

    /** Every certificate trusted for the account's messages; none for an account that is not a source. */
    public List<X509Certificate> of(String account) {
        List<X509Certificate> certificates = new ArrayList<>(configured.getOrDefault(account, List.of()));
        store.trusted(account).forEach(t -> certificates.addAll(parse(t.pem())));
        return certificates;
    }

    private static List<X509Certificate> load(ResourceLoader resources, String location) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("kalkan.cap: cannot read trusted certificate " + location, e);
        }
    }

    /** The certificates of a PEM text (one or more {@code BEGIN CERTIFICATE} blocks); bad input is refused. */
    public static List<X509Certificate> parse(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certificates = new ArrayList<>();
            factory.generateCertificates(new java.io.ByteArrayInputStream(
                    pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                    .forEach(c -> certificates.add((X509Certificate) c));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in the PEM text");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** The certificate as PEM text. */
    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code sha256:<hex>} of the certificate's DER encoding. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
