package org.kalkan.federation.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kalkan.federation.Peer;
import org.springframework.stereotype.Component;

/** Peers' certificates: parsed from the PEM an administrator registered, and their fingerprints. */
@Component
public class Certificates {

    private final Map<String, X509Certificate> parsed = new ConcurrentHashMap<>();

    /** The peer's registered certificate. */
    public X509Certificate of(Peer peer) {
        return parsed.computeIfAbsent(peer.fingerprint(), f -> parse(peer.certificate()));
    }

    /** Parses one PEM certificate with an EC P-256 key; IllegalArgumentException names what is wrong. */
    public static X509Certificate parse(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw new IllegalArgumentException("certificate must be a PEM certificate (-----BEGIN CERTIFICATE-----…)");
        }
        try {
            var certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.size() != 1 || !(certificates.iterator().next() instanceof X509Certificate certificate)) {
                throw new IllegalArgumentException("certificate must be exactly one X.509 certificate");
            }
            if (!(certificate.getPublicKey() instanceof ECPublicKey key)
                    || key.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new IllegalArgumentException("certificate must carry an EC P-256 key (a Kalkan node key)");
            }
            return certificate;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("certificate is not a readable X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** {@code sha256:<hex>} of the certificate's DER encoding, as {@code NodeKeys.fingerprint()} shows it. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
