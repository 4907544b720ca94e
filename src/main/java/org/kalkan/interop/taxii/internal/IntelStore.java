package org.kalkan.interop.taxii.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.taxii.ObjectFilter;
import org.kalkan.interop.taxii.StixEntry;
import org.kalkan.interop.taxii.Submission;
import org.kalkan.interop.taxii.TaxiiCollection;
import org.kalkan.interop.taxii.VersionMatch;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SQL of the TAXII collections kept by this node. Every read takes the access policy's {@link LabelFilter}, so the
 * versions, pages, "more" flags and status details a caller gets are computed over readable rows only; choosing
 * the first or last version happens after that filter, among the versions the caller may read.
 */
@Repository
class IntelStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    IntelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored version and its paging position; {@code body} is the object as it was accepted. */
    public record Row(long seq, StixEntry entry, String body, String postedBy, @Nullable UUID exercise) {
    }

    /** A new version to store. */
    record NewRow(TaxiiCollection collection, String id, String type, String specVersion, Instant version,
            String versionText, String body, List<String> refs, String postedBy, SecurityLabel label,
            NationCode origin, @Nullable UUID exercise) {
    }

    /**
     * Serialises writers of a collection until the transaction ends, so rows are numbered and stamped in commit
     * order; returns the {@code date_added} the next row must exceed.
     */
    Instant lock(TaxiiCollection collection) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))").param("key", "taxii:" + collection.alias())
                .query().singleRow();
        return jdbc.sql("SELECT max(date_added) FROM taxii_object WHERE collection = :collection")
                .param("collection", collection.alias())
                .query((rs, i) -> rs.getTimestamp(1) == null ? Instant.EPOCH : rs.getTimestamp(1).toInstant())
                .single();
    }

    void insert(NewRow row, Instant dateAdded) {
        jdbc.sql("""
                INSERT INTO taxii_object (collection, stix_id, stix_type, spec_version, version, version_text,
                    date_added, body, refs, posted_by, classification, releasable_to, origin_nation, exercise_id)
                VALUES (:collection, :id, :type, :spec, :version, :versionText, :added, :body, :refs, :by,
                    :classification, :releasable, :origin, :exercise)""")
                .param("collection", row.collection().alias()).param("id", row.id()).param("type", row.type())
                .param("spec", row.specVersion()).param("version", Timestamp.from(row.version()))
                .param("versionText", row.versionText()).param("added", Timestamp.from(dateAdded))
                .param("body", row.body()).param("refs", row.refs().toArray(String[]::new))
                .param("by", row.postedBy()).param("classification", LabelColumns.classification(row.label()))
                .param("releasable", LabelColumns.releasableTo(row.label()))
                .param("origin", row.origin().value()).param("exercise", row.exercise())
                .update();
    }

    /** Every stored version of an id in a context, readable or not: for the writer's checks only, never shown. */
    List<Row> allVersions(TaxiiCollection collection, String id, @Nullable UUID exercise) {
        return jdbc.sql("SELECT * FROM taxii_object o WHERE collection = :collection AND stix_id = :id "
                        + "AND exercise_id IS NOT DISTINCT FROM :exercise ORDER BY seq")
                .param("collection", collection.alias()).param("id", id).param("exercise", exercise)
                .query(IntelStore::row).list();
    }

    boolean exists(TaxiiCollection collection, String id, @Nullable UUID exercise) {
        return jdbc.sql("SELECT count(*) FROM taxii_object WHERE collection = :collection AND stix_id = :id "
                        + "AND exercise_id IS NOT DISTINCT FROM :exercise")
                .param("collection", collection.alias()).param("id", id).param("exercise", exercise)
                .query(Long.class).single() > 0;
    }

    /**
     * The label of a stored marking-definition's row: for a Kalkan marking-definition the label it stands for (its
     * id is that label's UUIDv5); any other stored marking-definition (a statement) is found too, with the label
     * it was posted under.
     */
    Optional<SecurityLabel> markingLabel(String markingId) {
        return jdbc.sql("SELECT classification, releasable_to FROM taxii_object WHERE stix_id = :id "
                        + "AND stix_type = 'marking-definition' LIMIT 1")
                .param("id", markingId).query((rs, i) -> LabelColumns.read(rs)).optional();
    }

    /** One page of readable rows matching the filter, in {@code date_added} order, one more than asked for. */
    public List<Row> page(TaxiiCollection collection, ObjectFilter filter, LabelFilter readable) {
        Map<String, Object> params = new HashMap<>(readable.parameters());
        List<String> where = new ArrayList<>();
        where.add("o.collection = :collection");
        params.put("collection", collection.alias());
        where.add(readable.sql());
        if (!filter.ids().isEmpty()) {
            where.add("o.stix_id IN (:ids)");
            params.put("ids", filter.ids());
        }
        if (!filter.types().isEmpty()) {
            where.add("o.stix_type IN (:types)");
            params.put("types", filter.types());
        }
        if (!filter.specVersions().isEmpty()) {
            where.add("o.spec_version IN (:specs)");
            params.put("specs", filter.specVersions());
        }
        List<String> outer = new ArrayList<>();
        outer.add(versions(filter.versions(), params));
        if (filter.addedAfter() != null) {
            outer.add("v.date_added > :after");
            params.put("after", Timestamp.from(filter.addedAfter().truncatedTo(ChronoUnit.MICROS)));
        }
        PageToken token = PageToken.decode(filter.next());
        if (token != null) {
            outer.add("v.seq > :afterSeq");
            params.put("afterSeq", token.seq());
        }
        params.put("limit", filter.limit() + 1);
        String sql = "SELECT * FROM (SELECT o.*, "
                + "row_number() OVER (PARTITION BY o.stix_id ORDER BY o.version DESC, o.seq DESC) AS newest, "
                + "row_number() OVER (PARTITION BY o.stix_id ORDER BY o.version ASC, o.seq ASC) AS oldest "
                + "FROM taxii_object o WHERE " + String.join(" AND ", where) + ") v WHERE "
                + String.join(" AND ", outer) + " ORDER BY v.date_added, v.seq LIMIT :limit";
        return jdbc.sql(sql).params(params).query(IntelStore::row).list();
    }

    private static String versions(VersionMatch match, Map<String, Object> params) {
        if (match.all()) {
            return "TRUE";
        }
        List<String> any = new ArrayList<>();
        if (match.last()) {
            any.add("v.newest = 1");
        }
        if (match.first()) {
            any.add("v.oldest = 1");
        }
        if (!match.at().isEmpty()) {
            any.add("v.version IN (:at)");
            params.put("at", match.at().stream().map(t -> Timestamp.from(t.truncatedTo(ChronoUnit.MICROS))).toList());
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    /** The latest readable version of each of the ids. */
    public List<Row> latest(TaxiiCollection collection, List<String> ids, LabelFilter readable) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return page(collection, new ObjectFilter(null, Math.max(ids.size(), 1), null, ids, List.of(),
                VersionMatch.LAST, List.of()), readable).stream().limit(ids.size()).toList();
    }

    /** The latest readable version of each object, newest first, optionally of one type: for people to browse. */
    public List<Row> newest(TaxiiCollection collection, @Nullable String type, LabelFilter readable, int limit) {
        Map<String, Object> params = new HashMap<>(readable.parameters());
        params.put("collection", collection.alias());
        params.put("limit", limit);
        String byType = "";
        if (type != null) {
            byType = " AND o.stix_type = :type";
            params.put("type", type);
        }
        return jdbc.sql("SELECT * FROM (SELECT o.*, row_number() OVER (PARTITION BY o.stix_id "
                        + "ORDER BY o.version DESC, o.seq DESC) AS newest FROM taxii_object o "
                        + "WHERE o.collection = :collection" + byType + " AND " + readable.sql()
                        + ") v WHERE v.newest = 1 ORDER BY v.date_added DESC, v.seq DESC LIMIT :limit")
                .params(params).query(IntelStore::row).list();
    }

    /** How many objects of each type the caller may read. */
    public Map<String, Long> typeCounts(TaxiiCollection collection, LabelFilter readable) {
        Map<String, Object> params = new HashMap<>(readable.parameters());
        params.put("collection", collection.alias());
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT o.stix_type, count(DISTINCT o.stix_id) FROM taxii_object o WHERE o.collection = :collection "
                        + "AND " + readable.sql() + " GROUP BY o.stix_type")
                .params(params).query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** The latest readable versions of objects that reference the id (relationships, sightings, reports). */
    public List<Row> referencing(TaxiiCollection collection, String id, LabelFilter readable, int limit) {
        Map<String, Object> params = new HashMap<>(readable.parameters());
        params.put("collection", collection.alias());
        params.put("id", id);
        params.put("limit", limit);
        return jdbc.sql("SELECT * FROM (SELECT o.*, row_number() OVER (PARTITION BY o.stix_id "
                        + "ORDER BY o.version DESC, o.seq DESC) AS newest FROM taxii_object o "
                        + "WHERE o.collection = :collection AND :id = ANY (o.refs) AND " + readable.sql()
                        + ") v WHERE v.newest = 1 ORDER BY v.date_added DESC, v.seq DESC LIMIT :limit")
                .params(params).query(IntelStore::row).list();
    }

    public void delete(List<Long> seqs) {
        if (!seqs.isEmpty()) {
            jdbc.sql("DELETE FROM taxii_object WHERE seq IN (:seqs)").param("seqs", seqs).update();
        }
    }

    /** Deletes everything stored in an exercise's context. */
    int purge(UUID exercise) {
        jdbc.sql("DELETE FROM taxii_status WHERE exercise_id = :id").param("id", exercise).update();
        return jdbc.sql("DELETE FROM taxii_object WHERE exercise_id = :id").param("id", exercise).update();
    }

    /** A status detail as stored: labelled like the object it is about. */
    record NewDetail(String outcome, String id, String version, @Nullable String message, SecurityLabel label,
            NationCode origin) {
    }

    void insertStatus(UUID id, TaxiiCollection collection, String requestedBy, Instant at, @Nullable UUID exercise,
            List<NewDetail> details) {
        jdbc.sql("""
                INSERT INTO taxii_status (id, collection, requested_by, request_timestamp, exercise_id)
                VALUES (:id, :collection, :by, :at, :exercise)""")
                .param("id", id).param("collection", collection.alias()).param("by", requestedBy)
                .param("at", Timestamp.from(at)).param("exercise", exercise).update();
        for (int i = 0; i < details.size(); i++) {
            NewDetail d = details.get(i);
            jdbc.sql("""
                    INSERT INTO taxii_status_detail (status_id, position, outcome, stix_id, version, message,
                        classification, releasable_to, origin_nation, exercise_id)
                    VALUES (:status, :position, :outcome, :id, :version, :message, :classification, :releasable,
                        :origin, :exercise)""")
                    .param("status", id).param("position", i).param("outcome", d.outcome()).param("id", d.id())
                    .param("version", d.version()).param("message", d.message())
                    .param("classification", LabelColumns.classification(d.label()))
                    .param("releasable", LabelColumns.releasableTo(d.label()))
                    .param("origin", d.origin().value()).param("exercise", exercise).update();
        }
    }

    /**
     * The caller's own submission with the details the caller may read; another user's submission, or one of
     * another context, is not found.
     */
    public Optional<Submission> status(UUID id, String requestedBy, @Nullable UUID exercise, LabelFilter readable) {
        return jdbc.sql("SELECT * FROM taxii_status WHERE id = :id AND requested_by = :by "
                        + "AND exercise_id IS NOT DISTINCT FROM :exercise")
                .param("id", id).param("by", requestedBy).param("exercise", exercise)
                .query((rs, i) -> new Object[] {TaxiiCollection.find(rs.getString("collection")).orElseThrow(),
                        rs.getTimestamp("request_timestamp").toInstant()})
                .optional()
                .map(head -> submission(id, (TaxiiCollection) head[0], (Instant) head[1], readable));
    }

    /** The caller's latest submissions, newest first. */
    public List<Submission> recent(String requestedBy, @Nullable UUID exercise, LabelFilter readable, int limit) {
        return jdbc.sql("SELECT id FROM taxii_status WHERE requested_by = :by "
                        + "AND exercise_id IS NOT DISTINCT FROM :exercise ORDER BY request_timestamp DESC LIMIT :limit")
                .param("by", requestedBy).param("exercise", exercise).param("limit", limit)
                .query(UUID.class).list().stream()
                .flatMap(id -> status(id, requestedBy, exercise, readable).stream())
                .toList();
    }

    private Submission submission(UUID id, TaxiiCollection collection, Instant at, LabelFilter readable) {
        Map<String, Object> params = new HashMap<>(readable.parameters());
        params.put("status", id);
        List<String[]> details = jdbc.sql("SELECT d.outcome, d.stix_id, d.version, d.message "
                        + "FROM taxii_status_detail d WHERE d.status_id = :status AND " + readable.sql() + " ORDER BY d.position")
                .params(params)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        List<Submission.Detail> successes = new ArrayList<>();
        List<Submission.Detail> failures = new ArrayList<>();
        List<Submission.Detail> pending = new ArrayList<>();
        for (String[] d : details) {
            var detail = new Submission.Detail(d[1], d[2], d[3]);
            switch (d[0]) {
                case "SUCCESS" -> successes.add(detail);
                case "FAILURE" -> failures.add(detail);
                default -> pending.add(detail);
            }
        }
        return new Submission(id, collection, at, successes, failures, pending);
    }

    static Row row(ResultSet rs, int i) throws SQLException {
        String body = rs.getString("body");
        ObjectNode object = (ObjectNode) JSON.readTree(body);
        SecurityLabel label = LabelColumns.read(rs);
        if (!"marking-definition".equals(rs.getString("stix_type"))) {
            withMarking(object, Markings.markingId(label));
        }
        StixEntry entry = new StixEntry(rs.getString("stix_id"), rs.getString("stix_type"),
                rs.getString("spec_version"), rs.getString("version_text"),
                rs.getTimestamp("date_added").toInstant(), object, label,
                NationCode.of(rs.getString("origin_nation")));
        return new Row(rs.getLong("seq"), entry, body, rs.getString("posted_by"),
                rs.getObject("exercise_id", UUID.class));
    }

    /** Adds the Kalkan marking of the object's label to its {@code object_marking_refs} unless it is there. */
    static void withMarking(ObjectNode object, String markingId) {
        var refs = object.get("object_marking_refs");
        ArrayNode list = refs instanceof ArrayNode array ? array : object.putArray("object_marking_refs");
        for (var ref : list) {
            if (markingId.equals(ref.stringValue(""))) {
                return;
            }
        }
        list.add(markingId);
    }
}
