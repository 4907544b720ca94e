package org.kalkan.interop.cap.internal;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.kalkan.interop.cap.CapProperties;
import org.kalkan.interop.cap.CapSources;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CapSources}, implemented: the checks, the store and the audit behind the module's API. */
@Service
class CapSourcesService implements CapSources {

    private final CapProperties properties;
    private final CapStore store;
    private final AuditTrail audit;
    private final Clock clock;

    CapSourcesService(CapProperties properties, CapStore store, AuditTrail audit, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<CapProperties.Source> sources(Subject subject) {
        requireAdmin(subject, "list CAP sources");
        return properties.sources();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Trusted> certificates(Subject subject, String account) {
        requireAdmin(subject, "list trusted certificates");
        requireSource(account);
        return store.trusted(account).stream().map(t -> new Trusted(t.account(), t.fingerprint(), t.subject(),
                t.notAfter(), t.addedBy(), t.addedAt())).toList();
    }

    @Override
    @Transactional
    public List<Trusted> trust(Subject subject, String account, String pem) {
        requireAdmin(subject, "trust certificates");
        requireSource(account);
        List<X509Certificate> certificates = TrustedCertificates.parse(pem);
        var now = clock.instant();
        return certificates.stream().map(certificate -> {
            String fingerprint = TrustedCertificates.fingerprint(certificate);
            var trusted = new CapStore.TrustedCertificate(account, fingerprint,
                    certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant(),
                    TrustedCertificates.pem(certificate), subject.username(), now);
            if (store.trust(trusted)) {
                audit.record(subject.username(), "CAP_CERTIFICATE_TRUSTED", "cap-source:" + account,
                        fingerprint + " " + trusted.subject());
            }
            return new Trusted(account, fingerprint, trusted.subject(), trusted.notAfter(), subject.username(), now);
        }).toList();
    }

    @Override
    @Transactional
    public void distrust(Subject subject, String account, String fingerprint) {
        requireAdmin(subject, "remove trusted certificates");
        requireSource(account);
        if (!store.distrust(account, fingerprint)) {
            throw new NotFoundException("No certificate " + fingerprint + " is trusted for " + account + ".");
        }
        audit.record(subject.username(), "CAP_CERTIFICATE_DISTRUSTED", "cap-source:" + account, fingerprint);
    }

    private void requireSource(String account) {
        if (properties.source(account).isEmpty()) {
            throw new NotFoundException("No CAP source " + account + " is configured (kalkan.cap.sources).");
        }
    }

    private void requireAdmin(Subject subject, String what) {
        if (!subject.has(Role.ADMIN)) {
            audit.recordDenial(subject.username(), "CAP_SOURCES", what, "requires ADMIN");
            throw new ForbiddenException("Only administrators may " + what + ".");
        }
    }
}
