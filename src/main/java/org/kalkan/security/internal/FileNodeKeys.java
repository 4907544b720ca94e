package org.kalkan.security.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.kalkan.platform.PlatformProperties;
import org.kalkan.platform.PrivateFiles;
import org.kalkan.security.NodeKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@link NodeKeys} kept as PEM files in {@code <data-dir>/node/}: {@code node-key.pem} (0600) and {@code node.pem}. */
@Component
class FileNodeKeys implements NodeKeys {

    private static final String SIGNATURE = "SHA256withECDSA";

    private final String nodeId;
    private final KeyPair keys;
    private final X509Certificate certificate;

    FileNodeKeys(PlatformProperties platform, Clock clock,
            @Value("${kalkan.federation.node-id:CMC}") String nodeId) {
        this.nodeId = nodeId;
        Path directory = platform.dataDir().resolve("node");
        Path keyFile = directory.resolve("node-key.pem");
        Path certificateFile = directory.resolve("node.pem");
        try {
            // Instances of a cluster share the directory and may start at once: one creates, the others read.
            Loaded loaded = PrivateFiles.exclusively(directory, () -> {
                try {
                    if (Files.exists(keyFile) && Files.exists(certificateFile)) {
                        X509Certificate existing = readCertificate(Files.readString(certificateFile));
                        return new Loaded(new KeyPair(existing.getPublicKey(),
                                readPrivateKey(Files.readString(keyFile))), existing);
                    }
                    KeyPair created = newKeyPair();
                    X509Certificate signed = selfSigned(created, nodeId, clock.instant());
                    writePrivate(keyFile, pem(new JcaPKCS8Generator(created.getPrivate(), null).generate()));
                    Files.writeString(certificateFile, pem(signed));
                    return new Loaded(created, signed);
                } catch (GeneralSecurityException | OperatorCreationException e) {
                    throw new IllegalStateException("cannot read or create the node key in " + directory, e);
                }
            });
            keys = loaded.keys();
            certificate = loaded.certificate();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the node key in " + directory, e);
        }
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String certificatePem() {
        return pem(certificate);
    }

    @Override
    public PublicKey publicKey() {
        return keys.getPublic();
    }

    @Override
    public String publicKeyPem() {
        return pem(keys.getPublic());
    }

    @Override
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE);
            signature.initSign(keys.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the node key", e);
        }
    }

    @Override
    public boolean verify(byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE);
            signature.initVerify(keys.getPublic());
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The key pair and certificate read from, or written to, the directory. */
    private record Loaded(KeyPair keys, X509Certificate certificate) {
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys, String nodeId, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Kalkan")
                .addRDN(BCStyle.CN, nodeId).build();
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(127, new SecureRandom()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        // The node's id as a DNS name, so the certificate also serves as the federation port's TLS identity.
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(SIGNATURE).build(keys.getPrivate())));
    }

    private static X509Certificate readCertificate(String pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private static PrivateKey readPrivateKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            if (read instanceof PrivateKeyInfo key) {
                return new JcaPEMKeyConverter().getPrivateKey(key);
            }
            throw new IOException("not a PKCS#8 private key: " + (read == null ? "empty" : read.getClass().getSimpleName()));
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        PrivateFiles.write(file, pem.strip());
    }
}
