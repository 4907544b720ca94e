package org.kalkan.interop.cot;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.kalkan.platform.PlatformProperties;
import org.kalkan.platform.PrivateFiles;
import org.kalkan.shared.NationCode;
import org.springframework.stereotype.Component;

/**
 * The node's own certificate authority for TAK clients. Its key pair (EC P-256) is created on first start and
 * kept in {@code <data-dir>/cot/ca-key.pem} (owner read/write only) beside {@code ca.pem}; the server's TLS
 * certificate is issued from it at every start and never stored.
 */
@Component
class CertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withECDSA";

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private final Clock clock;
    private final KeyPair caKeys;
    private final X509Certificate caCertificate;
    private final KeyPair serverKeys;
    private final X509Certificate serverCertificate;

    CertificateAuthority(PlatformProperties platform, CotProperties properties, Clock clock)
            throws IOException, GeneralSecurityException {
        this.clock = clock;
        Path directory = platform.dataDir().resolve("cot");
        Path keyFile = directory.resolve("ca-key.pem");
        Path certificateFile = directory.resolve("ca.pem");
        // Instances of a cluster share the directory and may start at once: one creates the authority, the others
        // read it.
        Authority authority = PrivateFiles.exclusively(directory, () -> {
            try {
                return readOrCreate(keyFile, certificateFile);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read or create the CoT certificate authority in " + directory,
                        e);
            }
        });
        caKeys = authority.keys();
        caCertificate = authority.certificate();
        serverKeys = newKeyPair();
        X500Name serverName = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Kalkan")
                .addRDN(BCStyle.CN, properties.serverHost()).build();
        var builder = builder(serverName, serverKeys.getPublic(), Duration.ofDays(365));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, properties.serverHost())));
        serverCertificate = sign(builder);
    }

    X509Certificate caCertificate() {
        return caCertificate;
    }

    PrivateKey serverKey() {
        return serverKeys.getPrivate();
    }

    X509Certificate serverCertificate() {
        return serverCertificate;
    }

    /**
     * Issues a client certificate for the user from a certificate signing request whose signature proves the
     * requester holds the key. Only the key comes from the request: the name is the user's.
     */
    X509Certificate issue(PKCS10CertificationRequest request, String username, NationCode nation, Duration validity) {
        try {
            if (!request.isSignatureValid(new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
                    .build(request.getSubjectPublicKeyInfo()))) {
                throw new IllegalArgumentException("The CSR's signature does not verify.");
            }
            PublicKey key = new JcaPEMKeyConverter().getPublicKey(request.getSubjectPublicKeyInfo());
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Kalkan")
                    .addRDN(BCStyle.OU, nation.value()).addRDN(BCStyle.CN, username).build();
            var builder = builder(name, key, validity);
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            return sign(builder);
        } catch (OperatorCreationException | org.bouncycastle.pkcs.PKCSException | IOException
                | GeneralSecurityException e) {
            throw new IllegalArgumentException("The CSR cannot be used: " + e.getMessage(), e);
        }
    }

    private X509v3CertificateBuilder builder(X500Name subject, PublicKey key, Duration validity)
            throws IOException, GeneralSecurityException {
        Instant now = clock.instant();
        var builder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject, key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate));
        return builder;
    }

    private record Authority(KeyPair keys, X509Certificate certificate) {
    }

    private Authority readOrCreate(Path keyFile, Path certificateFile) throws IOException, GeneralSecurityException {
        if (Files.exists(keyFile) && Files.exists(certificateFile)) {
            X509Certificate certificate = Pem.certificate(Files.readString(certificateFile));
            return new Authority(new KeyPair(certificate.getPublicKey(), readPrivateKey(Files.readString(keyFile))),
                    certificate);
        }
        KeyPair keys = newKeyPair();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Kalkan")
                .addRDN(BCStyle.CN, "Kalkan node CA").build();
        Instant now = clock.instant();
        var builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate certificate = sign(builder, keys.getPrivate());
        writePrivate(keyFile, Pem.write(new JcaPKCS8Generator(keys.getPrivate(), null)));
        Files.writeString(certificateFile, Pem.write(certificate));
        return new Authority(keys, certificate);
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        return sign(builder, caKeys.getPrivate());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            var signer = new JcaContentSignerBuilder(SIGNATURE).build(key);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static PrivateKey readPrivateKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            if (read instanceof PrivateKeyInfo key) {
                return new JcaPEMKeyConverter().getPrivateKey(key);
            }
            if (read instanceof PEMKeyPair pair) {
                return new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
            }
            throw new IOException("not a private key: " + (read == null ? "empty" : read.getClass().getSimpleName()));
        }
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, pem);
    }

    /** PEM reading and writing. */
    static final class Pem {

        private Pem() {
        }

        static String write(Object object) {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(object);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toString();
        }

        static X509Certificate certificate(String pem) throws IOException {
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                Object read = parser.readObject();
                if (read instanceof org.bouncycastle.cert.X509CertificateHolder holder) {
                    return new JcaX509CertificateConverter().getCertificate(holder);
                }
                throw new IOException("not a certificate");
            } catch (java.security.cert.CertificateException e) {
                throw new IOException(e);
            }
        }

        static PKCS10CertificationRequest csr(String pem) {
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                Object read = parser.readObject();
                if (read instanceof PKCS10CertificationRequest request) {
                    return request;
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("csr is not a PEM certificate signing request", e);
            }
            throw new IllegalArgumentException("csr is not a PEM certificate signing request");
        }
    }
}
