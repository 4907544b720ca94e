package org.kalkan.interop.cap.internal;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.cap.SignatureStatus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Enveloped XML signatures (XMLDSig) of CAP alerts through Apache Santuario, with secure validation on. Only the
 * shape CAP uses is accepted: one signature over the whole alert ({@code URI=""}, enveloped-signature and
 * canonicalisation transforms), SHA-256 or stronger for the digest and the signature (RSA or ECDSA); SHA-1, MD5 and
 * anything else are refused. Whom to trust is the caller's: pinned certificates of the source.
 */
public final class XmlSignatures {

    /** The outcome and, for a person, why; {@code signer} is the certificate's subject when one was given. */
    public record Result(SignatureStatus status, String detail, @Nullable String signer) {
    }

    private static final Set<String> SIGNATURE_METHODS = Set.of(
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA384, XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA512,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256_MGF1, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384_MGF1,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512_MGF1);
    private static final Set<String> DIGESTS = Set.of(MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256,
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA384, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA512,
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA3_256, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA3_384,
            MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA3_512);
    private static final Set<String> CANONICALISATIONS = Set.of(Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS,
            Canonicalizer.ALGO_ID_C14N_WITH_COMMENTS, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS,
            Canonicalizer.ALGO_ID_C14N_EXCL_WITH_COMMENTS, Canonicalizer.ALGO_ID_C14N11_OMIT_COMMENTS,
            Canonicalizer.ALGO_ID_C14N11_WITH_COMMENTS);

    static {
        Init.init();
    }

    private XmlSignatures() {
    }

    /**
     * Verifies the signature of an alert (its own document, as received, before any upgrade) against the
     * certificates trusted for its source, valid at {@code now}.
     */
    public static Result verify(Document alert, Collection<X509Certificate> trusted, Instant now) {
        List<Element> signatures = CapXml.children(alert.getDocumentElement(), "Signature").stream()
                .filter(e -> CapXml.DSIG.equals(e.getNamespaceURI())).toList();
        if (signatures.isEmpty()) {
            return new Result(SignatureStatus.UNSIGNED, "not signed", null);
        }
        if (signatures.size() > 1) {
            return new Result(SignatureStatus.REFUSED, "more than one signature", null);
        }
        try {
            XMLSignature signature = new XMLSignature(signatures.get(0), "", true);
            String shape = refusedShape(signature);
            if (shape != null) {
                return new Result(SignatureStatus.REFUSED, shape, null);
            }
            KeyInfo keyInfo = signature.getKeyInfo();
            X509Certificate certificate = keyInfo == null ? null : keyInfo.getX509Certificate();
            PublicKey key = certificate != null ? certificate.getPublicKey()
                    : keyInfo == null ? null : keyInfo.getPublicKey();
            String signer = certificate == null ? null : certificate.getSubjectX500Principal().getName();
            if (key == null) {
                for (X509Certificate candidate : trusted) {
                    if (signature.checkSignatureValue(candidate.getPublicKey())) {
                        return trust(candidate, candidate.getSubjectX500Principal().getName(), now);
                    }
                }
                return new Result(SignatureStatus.UNTRUSTED, "no key given, and no certificate trusted for this source "
                        + "verifies the signature", null);
            }
            if (!signature.checkSignatureValue(key)) {
                return new Result(SignatureStatus.INVALID,
                        "the signature does not verify: the message was changed after "
                        + "signing, or signed with another key", signer);
            }
            for (X509Certificate candidate : trusted) {
                if (Arrays.equals(candidate.getPublicKey().getEncoded(), key.getEncoded())) {
                    return trust(candidate, signer == null ? candidate.getSubjectX500Principal().getName() : signer,
                            now);
                }
            }
            return new Result(SignatureStatus.UNTRUSTED,
                    "the signature verifies, but its key is not trusted for this source",
                    signer);
        } catch (XMLSecurityException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            boolean algorithm = message.contains("not allowed") || message.contains("forbidden")
                    || message.contains("SHA1") || message.contains("sha1");
            return new Result(algorithm ? SignatureStatus.REFUSED : SignatureStatus.INVALID,
                    "unreadable signature: " + message, null);
        }
    }

    private static Result trust(X509Certificate certificate, String signer, Instant now) {
        try {
            certificate.checkValidity(Date.from(now));
            return new Result(SignatureStatus.VERIFIED, "verified with a certificate trusted for this source", signer);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return new Result(SignatureStatus.UNTRUSTED,
                    "the trusted certificate is not valid now: " + e.getMessage(), signer);
        }
    }

    /** Why the signature's shape is refused, or null when it is one signature over the whole alert. */
    private static @Nullable String refusedShape(XMLSignature signature) throws XMLSecurityException {
        SignedInfo info = signature.getSignedInfo();
        if (!SIGNATURE_METHODS.contains(info.getSignatureMethodURI())) {
            return "signature method refused (SHA-256 or stronger, RSA or ECDSA): " + info.getSignatureMethodURI();
        }
        if (!CANONICALISATIONS.contains(info.getCanonicalizationMethodURI())) {
            return "canonicalisation method refused: " + info.getCanonicalizationMethodURI();
        }
        if (info.getLength() != 1) {
            return "the signature must have exactly one reference, to the whole alert";
        }
        Reference reference = info.item(0);
        if (!"".equals(reference.getURI())) {
            return "the signature must cover the whole alert (URI=\"\"), not " + reference.getURI();
        }
        String digest = reference.getMessageDigestAlgorithm().getAlgorithmURI();
        if (!DIGESTS.contains(digest)) {
            return "digest method refused (SHA-256 or stronger): " + digest;
        }
        Transforms transforms = reference.getTransforms();
        boolean enveloped = false;
        for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
            String uri = transforms.item(i).getURI();
            if (Transforms.TRANSFORM_ENVELOPED_SIGNATURE.equals(uri)) {
                enveloped = true;
            } else if (!CANONICALISATIONS.contains(uri)) {
                return "transform refused: " + uri;
            }
        }
        if (!enveloped) {
            return "an enveloped signature is expected (transform " + Transforms.TRANSFORM_ENVELOPED_SIGNATURE + ")";
        }
        KeyInfo keyInfo = signature.getKeyInfo();
        if (keyInfo != null && keyInfo.containsRetrievalMethod()) {
            return "KeyInfo with RetrievalMethod is refused (nothing is fetched)";
        }
        return null;
    }

    /**
     * Signs the document's root element in place: an enveloped signature appended as its last child, exclusive
     * canonicalisation, SHA-256, ECDSA-SHA256 for EC keys and RSA-SHA256 otherwise, with the certificate in KeyInfo.
     */
    public static void sign(Document document, PrivateKey key, X509Certificate certificate) {
        try {
            String method = "EC".equals(key.getAlgorithm()) ? XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256
                    : XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
            XMLSignature signature = new XMLSignature(document, "", method,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            document.getDocumentElement().appendChild(signature.getElement());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("", transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            signature.addKeyInfo(certificate);
            signature.sign(key);
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("cannot sign a CAP document", e);
        }
    }
}
