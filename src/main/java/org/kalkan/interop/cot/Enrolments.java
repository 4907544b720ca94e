package org.kalkan.interop.cot;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.kalkan.interop.cot.CertificateAuthority.Pem;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Subject;
import org.kalkan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Enrols TAK clients: a CSR in, a certificate for the calling user out; administrators revoke them. */
@Service
class Enrolments {

    record Enrolment(String serial, String certificate, String caCertificate) {
    }

    private final CertificateAuthority authority;
    private final CotCertificates certificates;
    private final CotProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    Enrolments(CertificateAuthority authority, CotCertificates certificates, CotProperties properties,
            AuditTrail audit, Clock clock) {
        this.authority = authority;
        this.certificates = certificates;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Enrolment enrol(Subject subject, String csrPem) {
        if (csrPem == null || csrPem.isBlank()) {
            throw new IllegalArgumentException("csr is required: a PEM certificate signing request");
        }
        var request = Pem.csr(csrPem);
        X509Certificate certificate = authority.issue(request, subject.username(), subject.nation(),
                properties.certificateValidity());
        String serial = certificate.getSerialNumber().toString(16);
        String pem = Pem.write(certificate);
        certificates.add(serial, subject.username(), certificate.getSubjectX500Principal().getName(),
                clock.instant(), certificate.getNotAfter().toInstant(), pem);
        audit.record(subject.username(), "COT_ENROL", "certificate " + serial,
                "issued to " + subject.username() + " until " + certificate.getNotAfter().toInstant());
        return new Enrolment(serial, pem, Pem.write(authority.caCertificate()));
    }

    @Transactional
    void revoke(Subject admin, String serial) {
        if (!certificates.revoke(serial, admin.username(), clock.instant())) {
            throw new NotFoundException("No valid certificate " + serial);
        }
        audit.record(admin.username(), "COT_REVOKE", "certificate " + serial, "revoked");
    }

    List<IssuedCertificate> all() {
        return certificates.all();
    }
}
