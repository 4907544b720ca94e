package org.kalkan.interop.cap.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.ReportId;
import org.kalkan.interop.cap.CapMessageId;
import org.kalkan.interop.cap.IncomingMessage;
import org.kalkan.interop.cap.IncomingMessage.Effect;
import org.kalkan.interop.cap.IncomingMessage.Outcome;
import org.kalkan.interop.cap.IncomingMessage.ReportLink;
import org.kalkan.interop.cap.SignatureStatus;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's tables: received messages, the reports they touched, and certificates trusted per source. */
@Repository
class CapStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DOCUMENT = 256 * 1024;

    private final JdbcClient jdbc;

    CapStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who posted, in which context, under which label: what every stored message carries. */
    public record Receipt(Instant receivedAt, String receivedBy, String source, SecurityLabel label,
            NationCode originNation, @Nullable UUID exerciseId) {
    }

    /** An accepted alert about to be stored: its identity, the signature check and the alert as received. */
    public record Accepted(CapMessageId id, String envelope, @Nullable String distributionId, String version,
            CapMessage message, String sentText, @Nullable String references, @Nullable String headline,
            XmlSignatures.Result signature, @Nullable String areasGeoJson, String document) {
    }

    /**
     * Stores an accepted message unless the same message (sender, identifier, sent) was accepted before in the
     * same context; returns whether it was stored. A concurrent twin waits for the first and then finds it.
     */
    public boolean claim(Receipt receipt, Accepted message, Effect provisional) {
        CapMessage m = message.message();
        return jdbc.sql("""
                INSERT INTO cap_message (id, received_at, received_by, source_name, envelope, distribution_id,
                    cap_version, outcome, effect, sender, identifier, sent, sent_text, status, msg_type, scope,
                    references_text, headline, signature, signature_detail, signer, areas_geojson, document,
                    classification, releasable_to, origin_nation, exercise_id)
                VALUES (:id, :receivedAt, :receivedBy, :source, :envelope, :distributionId, :version, 'ACCEPTED',
                    :effect, :sender, :identifier, :sent, :sentText, :status, :msgType, :scope, :references,
                    :headline, :signature, :signatureDetail, :signer, :areas, :document, :classification,
                    CAST(:releasableTo AS TEXT[]), :origin, :exerciseId)
                ON CONFLICT (origin_nation, sender, identifier, sent,
                    COALESCE(exercise_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE outcome = 'ACCEPTED'
                DO NOTHING""")
                .param("id", message.id().value())
                .param("receivedAt", Timestamp.from(receipt.receivedAt()))
                .param("receivedBy", receipt.receivedBy())
                .param("source", receipt.source())
                .param("envelope", message.envelope())
                .param("distributionId", message.distributionId())
                .param("version", message.version())
                .param("effect", provisional.name())
                .param("sender", m.sender())
                .param("identifier", m.identifier())
                .param("sent", Timestamp.from(m.sent().toInstant()))
                .param("sentText", message.sentText())
                .param("status", m.status())
                .param("msgType", m.msgType())
                .param("scope", m.scope())
                .param("references", message.references())
                .param("headline", message.headline())
                .param("signature", message.signature().status().name())
                .param("signatureDetail", message.signature().detail())
                .param("signer", message.signature().signer())
                .param("areas", message.areasGeoJson())
                .param("document", clip(message.document()))
                .param("classification", LabelColumns.classification(receipt.label()))
                .param("releasableTo", LabelColumns.releasableTo(receipt.label()))
                .param("origin", receipt.originNation().value())
                .param("exerciseId", receipt.exerciseId())
                .update() == 1;
    }

    /** The message with this identity that this nation accepted in this context, if any. */
    public Optional<IncomingMessage> accepted(NationCode nation, String sender, String identifier, Instant sent,
            @Nullable UUID exercise) {
        return jdbc.sql("""
                SELECT * FROM cap_message WHERE outcome = 'ACCEPTED' AND origin_nation = :nation
                  AND sender = :sender AND identifier = :identifier AND sent = :sent
                  AND exercise_id IS NOT DISTINCT FROM CAST(:exercise AS UUID)""")
                .param("nation", nation.value()).param("sender", sender).param("identifier", identifier)
                .param("sent", Timestamp.from(sent)).param("exercise", exercise)
                .query(this::message).optional();
    }

    public void finish(CapMessageId id, Effect effect, List<String> notes) {
        jdbc.sql("UPDATE cap_message SET effect = :effect, notes = CAST(:notes AS TEXT[]) WHERE id = :id")
                .param("effect", effect.name()).param("notes", notes.toArray(String[]::new))
                .param("id", id.value()).update();
    }

    public void link(CapMessageId message, ReportId report, int info, int area, String action) {
        jdbc.sql("""
                INSERT INTO cap_report (message_id, report_id, info_index, area_index, action)
                VALUES (:message, :report, :info, :area, :action)
                ON CONFLICT (message_id, report_id) DO UPDATE SET action = EXCLUDED.action""")
                .param("message", message.value()).param("report", report.value()).param("info", info)
                .param("area", area).param("action", action).update();
    }

    /**
     * The reports still live (filed or updated, never withdrawn) that any of these messages touched, with the
     * block they came from, newest message first.
     */
    public List<ReportLink> liveReports(List<CapMessageId> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT r.report_id, r.info_index, r.area_index, r.action FROM cap_report r
                JOIN cap_message m ON m.id = r.message_id
                WHERE r.message_id = ANY(CAST(:ids AS UUID[])) AND r.action IN ('FILED', 'UPDATED')
                  AND NOT EXISTS (SELECT 1 FROM cap_report w WHERE w.report_id = r.report_id
                                  AND w.action = 'WITHDRAWN')
                ORDER BY m.sent DESC, r.info_index, r.area_index""")
                .param("ids", messages.stream().map(CapMessageId::value).toArray(UUID[]::new))
                .query((rs, i) -> link(rs)).list();
    }

    /** Records a refused post: what it was, who sent it and every violation. */
    public void refused(CapMessageId id, Receipt receipt, String envelope, @Nullable String identifier,
            @Nullable String sender, @Nullable String headline, List<Violation> violations, String document) {
        jdbc.sql("""
                INSERT INTO cap_message (id, received_at, received_by, source_name, envelope, outcome, sender,
                    identifier, headline, signature, signature_detail, violations, document, classification,
                    releasable_to, origin_nation, exercise_id)
                VALUES (:id, :receivedAt, :receivedBy, :source, :envelope, 'REFUSED', :sender, :identifier,
                    :headline, 'UNCHECKED', 'refused before its signature was checked', CAST(:violations AS JSONB),
                    :document, :classification, CAST(:releasableTo AS TEXT[]), :origin, :exerciseId)""")
                .param("id", id.value())
                .param("receivedAt", Timestamp.from(receipt.receivedAt()))
                .param("receivedBy", receipt.receivedBy())
                .param("source", receipt.source())
                .param("envelope", envelope)
                .param("sender", sender)
                .param("identifier", identifier)
                .param("headline", headline)
                .param("violations", JSON.writeValueAsString(violations))
                .param("document", clip(document))
                .param("classification", LabelColumns.classification(receipt.label()))
                .param("releasableTo", LabelColumns.releasableTo(receipt.label()))
                .param("origin", receipt.originNation().value())
                .param("exerciseId", receipt.exerciseId())
                .update();
    }

    /** Messages the filter lets through, newest first, received before {@code before} (a cursor) if given. */
    public List<IncomingMessage> latest(LabelFilter filter, @Nullable Instant before, int limit) {
        return jdbc.sql("SELECT * FROM cap_message m WHERE " + filter.sql()
                        + (before == null ? "" : " AND m.received_at < :before")
                        + " ORDER BY m.received_at DESC, m.id LIMIT :limit")
                .params(filter.parameters())
                .param("before", before == null ? null : Timestamp.from(before))
                .param("limit", limit)
                .query(this::message).list();
    }

    public Optional<IncomingMessage> find(CapMessageId id, LabelFilter filter) {
        return jdbc.sql("SELECT * FROM cap_message m WHERE m.id = :id AND " + filter.sql())
                .params(filter.parameters()).param("id", id.value())
                .query(this::message).optional();
    }

    /** A trusted certificate of a source, as configured by an administrator. */
    public record TrustedCertificate(String account, String fingerprint, String subject, Instant notAfter, String pem,
            String addedBy, Instant addedAt) {
    }

    public boolean trust(TrustedCertificate certificate) {
        return jdbc.sql("""
                INSERT INTO cap_trusted_certificate (account, fingerprint, subject, not_after, pem, added_by, added_at)
                VALUES (:account, :fingerprint, :subject, :notAfter, :pem, :addedBy, :addedAt)
                ON CONFLICT (account, fingerprint) DO NOTHING""")
                .param("account", certificate.account()).param("fingerprint", certificate.fingerprint())
                .param("subject", certificate.subject()).param("notAfter", Timestamp.from(certificate.notAfter()))
                .param("pem", certificate.pem()).param("addedBy", certificate.addedBy())
                .param("addedAt", Timestamp.from(certificate.addedAt()))
                .update() == 1;
    }

    public boolean distrust(String account, String fingerprint) {
        return jdbc.sql("DELETE FROM cap_trusted_certificate WHERE account = :account AND fingerprint = :fingerprint")
                .param("account", account).param("fingerprint", fingerprint).update() == 1;
    }

    public List<TrustedCertificate> trusted(String account) {
        return jdbc.sql("SELECT * FROM cap_trusted_certificate WHERE account = :account ORDER BY added_at")
                .param("account", account)
                .query((rs, i) -> new TrustedCertificate(rs.getString("account"), rs.getString("fingerprint"),
                        rs.getString("subject"), rs.getTimestamp("not_after").toInstant(), rs.getString("pem"),
                        rs.getString("added_by"), rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    /** An update (a later alert) or a cancellation of an alert the node published. */
    public record Outbound(UUID id, String msgType, UUID replaces, @Nullable String note, String createdBy,
            Instant createdAt) {
    }

    /** Records an update or cancellation; false when the alert already has one of that kind. */
    public boolean outbound(Outbound outbound) {
        return jdbc.sql("""
                INSERT INTO cap_outbound (id, msg_type, replaces, note, created_by, created_at)
                VALUES (:id, :msgType, :replaces, :note, :createdBy, :createdAt)
                ON CONFLICT (replaces, msg_type) DO NOTHING""")
                .param("id", outbound.id()).param("msgType", outbound.msgType()).param("replaces", outbound.replaces())
                .param("note", outbound.note()).param("createdBy", outbound.createdBy())
                .param("createdAt", Timestamp.from(outbound.createdAt()))
                .update() == 1;
    }

    public Optional<Outbound> outbound(UUID id) {
        return jdbc.sql("SELECT * FROM cap_outbound WHERE id = :id").param("id", id).query(CapStore::outbound)
                .optional();
    }

    public Optional<Outbound> outbound(UUID replaces, String msgType) {
        return jdbc.sql("SELECT * FROM cap_outbound WHERE replaces = :replaces AND msg_type = :msgType")
                .param("replaces", replaces).param("msgType", msgType).query(CapStore::outbound).optional();
    }

    /** Cancellations made before {@code before} (when given), newest first. */
    public List<Outbound> cancellations(@Nullable Instant before, int limit) {
        return jdbc.sql("SELECT * FROM cap_outbound WHERE msg_type = 'Cancel'"
                        + (before == null ? "" : " AND created_at < :before")
                        + " ORDER BY created_at DESC, id LIMIT :limit")
                .param("before", before == null ? null : Timestamp.from(before)).param("limit", limit)
                .query(CapStore::outbound).list();
    }

    private static Outbound outbound(ResultSet rs, int row) throws SQLException {
        return new Outbound(rs.getObject("id", UUID.class), rs.getString("msg_type"),
                rs.getObject("replaces", UUID.class), rs.getString("note"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** Deletes the messages of a purged exercise (and their report links); returns how many. */
    public int purge(UUID exercise) {
        jdbc.sql("DELETE FROM cap_report WHERE message_id IN (SELECT id FROM cap_message WHERE exercise_id = :id)")
                .param("id", exercise).update();
        return jdbc.sql("DELETE FROM cap_message WHERE exercise_id = :id").param("id", exercise).update();
    }

    private IncomingMessage message(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String effect = rs.getString("effect");
        Timestamp sent = rs.getTimestamp("sent");
        List<Violation> violations = JSON.readValue(rs.getString("violations"), new TypeReference<List<Violation>>() {
        });
        return new IncomingMessage(new CapMessageId(id), rs.getTimestamp("received_at").toInstant(),
                rs.getString("received_by"), rs.getString("source_name"), rs.getString("envelope"),
                rs.getString("distribution_id"), rs.getString("cap_version"),
                Outcome.valueOf(rs.getString("outcome")), effect == null ? null : Effect.valueOf(effect),
                rs.getString("sender"), rs.getString("identifier"),
                rs.getString("sent_text") != null ? rs.getString("sent_text")
                        : sent == null ? null : sent.toInstant().toString(),
                rs.getString("status"), rs.getString("msg_type"), rs.getString("scope"),
                rs.getString("references_text"), rs.getString("headline"),
                SignatureStatus.valueOf(rs.getString("signature")), rs.getString("signature_detail"),
                rs.getString("signer"), violations, Arrays.asList((String[]) rs.getArray("notes").getArray()),
                rs.getString("areas_geojson"), rs.getString("document"), LabelColumns.read(rs),
                NationCode.of(rs.getString("origin_nation")), rs.getObject("exercise_id", UUID.class), links(id));
    }

    private List<ReportLink> links(UUID message) {
        return jdbc.sql("SELECT * FROM cap_report WHERE message_id = :id ORDER BY info_index, area_index, report_id")
                .param("id", message).query((rs, i) -> link(rs)).list();
    }

    private static ReportLink link(ResultSet rs) throws SQLException {
        return new ReportLink(new ReportId(rs.getObject("report_id", UUID.class)), rs.getInt("info_index"),
                rs.getInt("area_index"), rs.getString("action"));
    }

    private static String clip(String document) {
        return document.length() <= MAX_DOCUMENT ? document : document.substring(0, MAX_DOCUMENT) + "\n<!-- … -->";
    }
}
