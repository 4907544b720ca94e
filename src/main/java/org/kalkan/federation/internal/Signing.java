package org.kalkan.federation.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import org.kalkan.federation.Lane;
import org.kalkan.security.NodeKeys;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * JWS (ES256, RFC 7515) with the node key. A seal is a compact JWS over its claims; a batch or an acknowledgement
 * is signed detached with an unencoded payload (RFC 7797), so the compressed bytes travel as they are, and its
 * protected header names sender, destination and kind.
 */
@Component
class Signing {

    /** What an origin signs about one range of one stream of its log. */
    public record SealClaims(String origin, Lane lane, long first, long last, byte[] root, int hops) {
    }

    /** The signed header of a batch or acknowledgement. */
    public record Envelope(String from, String to, String kind) {
    }

    private static final JOSEObjectType SEAL = new JOSEObjectType("kalkan-seal+jws");

    private final NodeKeys keys;
    private final JsonMapper json;

    Signing(NodeKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    public String seal(SealClaims claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(SEAL).keyID(keys.fingerprint()).build();
        JWSObject jws = new JWSObject(header, new Payload(json.writeValueAsBytes(claims)));
        sign(jws);
        return jws.serialize();
    }

    /** The claims of a seal signed by the holder of {@code certificate}; refused otherwise. */
    public SealClaims verifySeal(String compact, X509Certificate certificate) {
        try {
            JWSObject jws = JWSObject.parse(compact);
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm()) || !SEAL.equals(jws.getHeader().getType())
                    || !jws.verify(new ECDSAVerifier((ECPublicKey) certificate.getPublicKey()))) {
                throw new BatchRefusedException("a seal's signature does not verify");
            }
            return json.readValue(jws.getPayload().toBytes(), SealClaims.class);
        } catch (ParseException | JOSEException | ClassCastException | tools.jackson.core.JacksonException e) {
            throw new BatchRefusedException("a seal is not a valid JWS: " + e.getMessage(), e);
        }
    }

    /** A detached JWS over {@code body} with this node as sender. */
    public String signDetached(byte[] body, String to, String kind) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.fingerprint())
                .base64URLEncodePayload(false).criticalParams(Set.of("b64"))
                .customParams(Map.of("kalkan", Map.of("from", keys.nodeId(), "to", to, "kind", kind)))
                .build();
        JWSObject jws = new JWSObject(header, new Payload(body));
        sign(jws);
        return jws.serialize(true);
    }

    /** The sender named in a detached JWS, before verification (to find its certificate). */
    public Envelope unverifiedEnvelope(String detached) {
        try {
            return envelope(JWSObject.parse(detached, new Payload(new byte[0])).getHeader());
        } catch (ParseException e) {
            throw new BatchRefusedException("the signature is not a JWS: " + e.getMessage(), e);
        }
    }

    /** Verifies a detached JWS over {@code body} against the sender's certificate; refused otherwise. */
    public Envelope verifyDetached(String detached, byte[] body, X509Certificate certificate) {
        try {
            JWSObject jws = JWSObject.parse(detached, new Payload(body));
            if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
                    || jws.getHeader().isBase64URLEncodePayload()
                    || !jws.verify(new ECDSAVerifier((ECPublicKey) certificate.getPublicKey(), Set.of("b64")))) {
                throw new BatchRefusedException("the batch signature does not verify");
            }
            return envelope(jws.getHeader());
        } catch (ParseException | JOSEException | ClassCastException e) {
            throw new BatchRefusedException("the batch signature is not a valid JWS: " + e.getMessage(), e);
        }
    }

    private static Envelope envelope(JWSHeader header) {
        if (!(header.getCustomParam("kalkan") instanceof Map<?, ?> kalkan)
                || !(kalkan.get("from") instanceof String from) || !(kalkan.get("to") instanceof String to)
                || !(kalkan.get("kind") instanceof String kind)) {
            throw new BatchRefusedException("the signature does not name sender, destination and kind");
        }
        return new Envelope(from, to, kind);
    }

    private void sign(JWSObject jws) {
        try {
            jws.sign(new ECDSASigner((ECPrivateKey) keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the node key", e);
        }
    }
}
