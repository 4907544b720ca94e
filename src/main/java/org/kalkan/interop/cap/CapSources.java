package org.kalkan.interop.cap;

import java.util.List;
import org.kalkan.security.Subject;

/**
 * The configured CAP sources and the certificates trusted for their signatures; administrators add and remove
 * certificates (audited), next to those configured as PEM files.
 */
public interface CapSources {

    /** A certificate trusted for a source. */
    record Trusted(String account, String fingerprint, String subject, java.time.Instant notAfter,
            String addedBy, java.time.Instant addedAt) {
    }

    List<CapProperties.Source> sources(Subject subject);

    List<Trusted> certificates(Subject subject, String account);

    /** Trusts the certificate(s) of a PEM text for the source's signatures; returns what was added. */
    List<Trusted> trust(Subject subject, String account, String pem);

    void distrust(Subject subject, String account, String fingerprint);
}
