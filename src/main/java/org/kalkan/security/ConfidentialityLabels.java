package org.kalkan.security;

import java.time.Instant;
import org.kalkan.shared.SecurityLabel;

/**
 * A Kalkan label as a STANAG 4774 confidentiality label
 * ({@code urn:nato:stanag:4774:confidentialitymetadatalabel:1:0}):
 * policy identifier {@value #POLICY_IDENTIFIER}, the classification, and one permissive category "Releasable To"
 * with the nations and communities. A record is exported with its label bound to it in a STANAG 4778-style
 * binding information object whose XML signature (ECDSA P-256, SHA-256) is made with the node's key
 * ({@link NodeKeys}), so a recipient can check that neither the label nor the data was changed.
 */
public interface ConfidentialityLabels {

    /** The STANAG 4774 namespace of confidentiality labels. */
    String LABEL_NAMESPACE = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";
    /** The STANAG 4778 namespace of binding information. */
    String BINDING_NAMESPACE = "urn:nato:stanag:4778:bindinginformation:1:0";
    /** The security policy every Kalkan label belongs to. */
    String POLICY_IDENTIFIER = "KALKAN";

    /** The label as a STANAG 4774 {@code ConfidentialityLabel} XML document. */
    String xml(SecurityLabel label, Instant created);

    /** The same label in JSON, with the element names of the XML form. */
    String json(SecurityLabel label, Instant created);

    /**
     * A STANAG 4778-style binding information object: the label as the originator's confidentiality label, the
     * data (base64, of the given media type) it is bound to, and the node's signature over both.
     */
    String bind(SecurityLabel label, byte[] data, String mediaType, Instant created);

    /** Whether a binding made by {@link #bind} carries this node's valid signature over its label and data. */
    boolean verify(String bindingXml);
}
