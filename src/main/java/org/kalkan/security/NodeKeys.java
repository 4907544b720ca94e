package org.kalkan.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

/**
 * The node's own signing identity: one EC P-256 key pair and a self-signed certificate, created at the first start
 * and kept under the data directory ({@code <data-dir>/node/}, key readable by the node's user only). Everything
 * the node signs uses it — audit checkpoints, CAP alerts, STANAG 4778 bindings, federation batches — so a peer
 * that pinned this certificate can verify all of it. Several instances of one node must share the directory.
 */
public interface NodeKeys {

    /** The node id the certificate names ({@code kalkan.federation.node-id}, default {@code CMC}). */
    String nodeId();

    X509Certificate certificate();

    /** The certificate as PEM ({@code -----BEGIN CERTIFICATE-----…}). */
    String certificatePem();

    PublicKey publicKey();

    /** The public key as PEM ({@code -----BEGIN PUBLIC KEY-----…}, SubjectPublicKeyInfo). */
    String publicKeyPem();

    /** {@code sha256:<lower-case hex>} of the certificate's DER encoding, as shown to administrators of both peers. */
    String fingerprint();

    /** For signers that need the key itself (JWS, XMLDSig, TLS); never leaves the node. */
    PrivateKey privateKey();

    /** An ECDSA signature ({@code SHA256withECDSA}, DER-encoded) of the bytes. */
    byte[] sign(byte[] data);

    /** Whether {@code signature} is this node's {@code SHA256withECDSA} signature of {@code data}. */
    boolean verify(byte[] data, byte[] signature);
}
