package org.kalkan.interop.cot.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kalkan.interop.cot.CotCertificates;
import org.kalkan.interop.cot.IssuedCertificate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link CotCertificates} in the {@code cot_certificate} table. */
@Repository
class CertificateRows implements CotCertificates {

    private final JdbcClient jdbc;

    CertificateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(String serial, String username, String subjectDn, Instant issuedAt, Instant notAfter, String pem) {
        jdbc.sql("""
                INSERT INTO cot_certificate (serial, username, subject_dn, issued_at, not_after, pem)
                VALUES (:serial, :username, :dn, :issued, :notAfter, :pem)""")
                .param("serial", serial).param("username", username).param("dn", subjectDn)
                .param("issued", Timestamp.from(issuedAt)).param("notAfter", Timestamp.from(notAfter))
                .param("pem", pem).update();
    }

    @Override
    public Optional<IssuedCertificate> find(String serial) {
        return jdbc.sql("SELECT * FROM cot_certificate WHERE serial = :serial").param("serial", serial)
                .query(CertificateRows::row).optional();
    }

    @Override
    public List<IssuedCertificate> all() {
        return jdbc.sql("SELECT * FROM cot_certificate ORDER BY issued_at DESC, serial").query(CertificateRows::row)
                .list();
    }

    @Override
    public boolean revoke(String serial, String by, Instant at) {
        return jdbc.sql("""
                UPDATE cot_certificate SET revoked_at = :at, revoked_by = :by
                WHERE serial = :serial AND revoked_at IS NULL""")
                .param("serial", serial).param("by", by).param("at", Timestamp.from(at)).update() == 1;
    }

    @Override
    public Set<String> notValid(Collection<String> serials) {
        if (serials.isEmpty()) {
            return Set.of();
        }
        Set<String> valid = jdbc.sql("SELECT serial FROM cot_certificate WHERE serial = ANY(:serials) AND revoked_at IS NULL")
                .param("serials", serials.toArray(String[]::new)).query(String.class).set();
        return serials.stream().filter(s -> !valid.contains(s)).collect(Collectors.toSet());
    }

    private static IssuedCertificate row(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new IssuedCertificate(rs.getString("serial"), rs.getString("username"), rs.getString("subject_dn"),
                rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("not_after").toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
    }
}
