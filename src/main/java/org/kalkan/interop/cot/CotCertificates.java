package org.kalkan.interop.cot;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Client certificates the node's CA issued, and their revocations (stored in {@code internal}). */
public interface CotCertificates {

    void add(String serial, String username, String subjectDn, Instant issuedAt, Instant notAfter, String pem);

    Optional<IssuedCertificate> find(String serial);

    /** Every issued certificate, newest first. */
    List<IssuedCertificate> all();

    /** Revokes a certificate not yet revoked; false when there is none such. */
    boolean revoke(String serial, String by, Instant at);

    /** Of the given serials, those that are revoked or unknown. */
    Set<String> notValid(Collection<String> serials);
}
