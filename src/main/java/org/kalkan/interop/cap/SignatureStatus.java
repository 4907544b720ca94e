package org.kalkan.interop.cap;

/** What became of the XML signature of a received message; recorded with it. */
public enum SignatureStatus {
    /** No signature. */
    UNSIGNED,
    /** Signed and verified with a certificate trusted for the source. */
    VERIFIED,
    /** The signature verifies, but with a key no certificate trusted for the source holds. */
    UNTRUSTED,
    /** The signature does not verify (the message was changed after signing), or is malformed. */
    INVALID,
    /** Signed with an algorithm or in a shape this node refuses (SHA-1, external references, …). */
    REFUSED,
    /** Not checked: the message was refused before (unreadable, or against the schema or the rules). */
    UNCHECKED
}
