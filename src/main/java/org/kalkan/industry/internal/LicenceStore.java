package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.LicenceId;
import org.kalkan.industry.LicenceType;
import org.kalkan.industry.NewLicence;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.Transfer;
import org.kalkan.industry.TransferId;
import org.kalkan.industry.TransferStatus;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of licences and transfers; reads always take a {@link LabelFilter}. */
@Repository
class LicenceStore {

    /** A licence row with the value used by recorded transfers. */
    record Row(LicenceId id, String reference, String issuingNation, LicenceType type, List<String> controlEntries,
            List<String> destinations, List<String> endUsers, LocalDate validFrom, LocalDate validUntil,
            @Nullable BigDecimal ceiling, String currency, BigDecimal used, boolean revoked, SecurityLabel label,
            @Nullable UUID exerciseId) {
    }

    private static final String SELECT = """
            SELECT l.*, COALESCE((SELECT SUM(t.value) FROM industry_transfer t WHERE t.licence_id = l.id
                AND t.status = 'RECORDED'), 0) AS used
            FROM industry_licence l""";

    private final JdbcClient jdbc;

    LicenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(LicenceId id, String reference, NewLicence l, String by, Instant at, @Nullable UUID exercise) {
        jdbc.sql("""
                INSERT INTO industry_licence (id, reference, issuing_nation, type, control_entries, destinations,
                    end_users, valid_from, valid_until, ceiling, currency, classification, releasable_to,
                    origin_nation, exercise_id, created_by, created_at)
                VALUES (:id, :ref, :issuer, :type, :entries, :destinations, :users, :from, :until, :ceiling,
                    :currency, :classification, :releasable, :issuer, :exercise, :by, :at)""")
                .param("id", id.value()).param("ref", reference).param("issuer", l.issuingNation())
                .param("type", l.type().name()).param("entries", l.controlEntries().toArray(String[]::new))
                .param("destinations", l.destinations().toArray(String[]::new))
                .param("users", l.endUsers().toArray(String[]::new)).param("from", l.validFrom())
                .param("until", l.validUntil()).param("ceiling", l.ceiling()).param("currency", l.currency())
                .param("classification", LabelColumns.classification(l.label()))
                .param("releasable", LabelColumns.releasableTo(l.label())).param("exercise", exercise)
                .param("by", by).param("at", Timestamp.from(at)).update();
    }

    Optional<Row> find(LicenceId id, LabelFilter filter) {
        return jdbc.sql(SELECT + " WHERE l.id = :id AND " + filter.sql()).param("id", id.value())
                .params(filter.parameters()).query(LicenceStore::row).optional();
    }

    List<Row> list(LabelFilter filter) {
        return jdbc.sql(SELECT + " WHERE " + filter.sql() + " ORDER BY l.valid_until, l.reference LIMIT 1000")
                .params(filter.parameters()).query(LicenceStore::row).list();
    }

    /**
     * The exporting nation's licences the subject may read, locked so that two transfers under one ceiling are
     * decided one after the other.
     */
    List<Row> lockIssuedBy(String nation, LabelFilter filter) {
        List<UUID> ids = jdbc.sql("SELECT l.id FROM industry_licence l WHERE l.issuing_nation = :nation AND "
                + filter.sql() + " ORDER BY l.id FOR UPDATE").param("nation", nation).params(filter.parameters())
                .query(UUID.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE l.id = ANY(:ids)").param("ids", ids.toArray(UUID[]::new))
                .query(LicenceStore::row).list();
    }

    void revoke(LicenceId id) {
        jdbc.sql("UPDATE industry_licence SET revoked = TRUE WHERE id = :id").param("id", id.value()).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new LicenceId(rs.getObject("id", UUID.class)), rs.getString("reference"),
                rs.getString("issuing_nation"), LicenceType.valueOf(rs.getString("type")), array(rs, "control_entries"),
                array(rs, "destinations"), array(rs, "end_users"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getBigDecimal("ceiling"), rs.getString("currency"),
                rs.getBigDecimal("used"), rs.getBoolean("revoked"), LabelColumns.read(rs),
                rs.getObject("exercise_id", UUID.class));
    }

    private static List<String> array(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }

    // --- transfers ---

    void insertTransfer(Transfer t, @Nullable UUID exercise) {
        jdbc.sql("""
                INSERT INTO industry_transfer (id, programme_id, item, control_entry, from_nation, to_nation, end_user,
                    value, transfer_date, status, licence_id, reason, classification, releasable_to, origin_nation,
                    exercise_id, created_by, created_at)
                VALUES (:id, :programme, :item, :entry, :from, :to, :user, :value, :date, :status, :licence, :reason,
                    :classification, :releasable, :origin, :exercise, :by, :at)""")
                .param("id", t.id().value()).param("programme", t.programme().value()).param("item", t.item())
                .param("entry", t.controlEntry()).param("from", t.from()).param("to", t.to())
                .param("user", t.endUser()).param("value", t.value()).param("date", t.date())
                .param("status", t.status().name()).param("licence", t.licence() == null ? null : t.licence().value())
                .param("reason", t.reason()).param("classification", LabelColumns.classification(t.label()))
                .param("releasable", LabelColumns.releasableTo(t.label())).param("origin", t.originNation())
                .param("exercise", exercise).param("by", t.createdBy()).param("at", Timestamp.from(t.createdAt()))
                .update();
    }

    List<Transfer> transfers(@Nullable ProgrammeId programme, LabelFilter filter) {
        return jdbc.sql("""
                SELECT t.*, l.reference FROM industry_transfer t LEFT JOIN industry_licence l ON l.id = t.licence_id
                WHERE""" + " " + filter.sql() + (programme == null ? "" : " AND t.programme_id = :programme")
                + " ORDER BY t.created_at DESC, t.id LIMIT 500")
                .params(filter.parameters())
                .params(programme == null ? Map.of() : Map.of("programme", programme.value()))
                .query((rs, n) -> {
                    UUID licence = rs.getObject("licence_id", UUID.class);
                    return new Transfer(new TransferId(rs.getObject("id", UUID.class)),
                            new ProgrammeId(rs.getObject("programme_id", UUID.class)), rs.getString("item"),
                            rs.getString("control_entry"), rs.getString("from_nation"), rs.getString("to_nation"),
                            rs.getString("end_user"), rs.getBigDecimal("value"),
                            rs.getObject("transfer_date", LocalDate.class), TransferStatus.valueOf(rs.getString("status")),
                            licence == null ? null : new LicenceId(licence), rs.getString("reference"),
                            rs.getString("reason"), rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant(), LabelColumns.read(rs),
                            rs.getString("origin_nation"));
                }).list();
    }

    int purge(UUID exercise) {
        jdbc.sql("DELETE FROM industry_transfer WHERE exercise_id = :e").param("e", exercise).update();
        return jdbc.sql("DELETE FROM industry_licence WHERE exercise_id = :e").param("e", exercise).update();
    }
}
