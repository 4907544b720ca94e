package org.kalkan.force.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.ForceRequirements.StatedRequirement;
import org.kalkan.force.Offer;
import org.kalkan.force.Requirement;
import org.kalkan.force.SourcingRequest;
import org.kalkan.force.SourcingStatus;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for requirements, the requests to nations and their offers. Requests and offers carry no label of their
 * own: they are read through their requirement's, so every read for a person takes a {@link LabelFilter} on it.
 */
@Repository
public class SourcingStore {

    private static final String OFFER_COLUMNS = "o.*, u.name AS unit_name";

    private final JdbcClient jdbc;

    SourcingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- requirements

    /** Stores a requirement in its crisis's context ({@code exercise} null = real world, ADR 0006). */
    public void insertRequirement(UUID crisisId, @Nullable UUID exercise, Requirement requirement,
            SecurityLabel label, NationCode origin, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO force_requirement (id, crisis_id, capability, quantity, lat, lon, country, needed_by,
                    duration_days, use_of_force, classification, releasable_to, origin_nation, created_by, created_at,
                    exercise_id, certification_required)
                VALUES (:id, :crisis, :capability, :quantity, :lat, :lon, :country, :neededBy, :days, :use,
                    :classification, :releasable, :origin, :by, :now, :exercise, :certified)""")
                .param("exercise", exercise).param("certified", requirement.certificationRequired())
                .param("id", requirement.id()).param("crisis", crisisId)
                .param("capability", requirement.capability().name()).param("quantity", requirement.quantity())
                .param("lat", requirement.location().lat()).param("lon", requirement.location().lon())
                .param("country", requirement.country()).param("neededBy", Timestamp.from(requirement.neededBy()))
                .param("days", requirement.durationDays()).param("use", requirement.use())
                .param("classification", label.classification().rank())
                .param("releasable", label.releasableTo().toArray(String[]::new))
                .param("origin", origin.value()).param("by", by).param("now", Timestamp.from(now)).update();
    }

    public List<StatedRequirement> requirementsOfCrisis(LabelFilter filter, UUID crisisId) {
        return jdbc.sql("SELECT * FROM force_requirement r WHERE r.crisis_id = :crisis AND " + filter.sql()
                        + " ORDER BY r.needed_by, r.id")
                .param("crisis", crisisId).params(filter.parameters()).query(SourcingStore::requirement).list();
    }

    public Optional<StatedRequirement> requirement(LabelFilter filter, UUID id) {
        return jdbc.sql("SELECT * FROM force_requirement r WHERE r.id = :id AND " + filter.sql())
                .param("id", id).params(filter.parameters()).query(SourcingStore::requirement).optional();
    }

    // ---- requests

    /** Inserts the request unless the nation was already asked for this requirement; false if it was. */
    public boolean insertRequest(UUID id, UUID requirementId, String nation, String by, Instant now) {
        return jdbc.sql("""
                INSERT INTO force_request (id, requirement_id, nation, status, requested_by, requested_at)
                VALUES (:id, :requirement, :nation, 'REQUESTED', :by, :now)
                ON CONFLICT (requirement_id, nation) DO NOTHING""")
                .param("id", id).param("requirement", requirementId).param("nation", nation).param("by", by)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** The request of a nation for a requirement, its row locked until the transaction ends. */
    public Optional<SourcingRequest> lockRequest(UUID requirementId, String nation) {
        return jdbc.sql("SELECT * FROM force_request WHERE requirement_id = :requirement AND nation = :nation "
                        + "FOR UPDATE")
                .param("requirement", requirementId).param("nation", nation).query(SourcingStore::request).optional();
    }

    public void answerRequest(UUID id, SourcingStatus status, @Nullable String reason, String by, Instant now) {
        jdbc.sql("UPDATE force_request SET status = :status, reason = :reason, answered_by = :by, answered_at = :now "
                        + "WHERE id = :id")
                .param("id", id).param("status", status.name()).param("reason", reason).param("by", by)
                .param("now", Timestamp.from(now)).update();
    }

    public List<SourcingRequest> requests(List<UUID> requirementIds) {
        return jdbc.sql("SELECT * FROM force_request WHERE requirement_id = ANY(:ids) ORDER BY nation")
                .param("ids", requirementIds.toArray(UUID[]::new)).query(SourcingStore::request).list();
    }

    /** Requests addressed to a nation, on requirements the reader may read, newest first. */
    public List<SourcingRequest> requestsTo(LabelFilter filter, String nation, int limit) {
        return jdbc.sql("SELECT q.* FROM force_request q JOIN force_requirement r ON r.id = q.requirement_id "
                        + "WHERE q.nation = :nation AND " + filter.sql() + " ORDER BY q.requested_at DESC LIMIT :limit")
                .param("nation", nation).params(filter.parameters()).param("limit", limit)
                .query(SourcingStore::request).list();
    }

    // ---- offers

    /** Inserts the offer unless the unit is already offered for this requirement; false if it was. */
    public boolean insertOffer(UUID id, UUID requirementId, @Nullable UUID requestId, UUID unitId, String nation,
            Set<String> extraExcludedUses, String by, Instant now) {
        return jdbc.sql("""
                INSERT INTO force_offer (id, requirement_id, request_id, unit_id, nation, status, extra_excluded_uses,
                    offered_by, created_at)
                VALUES (:id, :requirement, :request, :unit, :nation, 'OFFERED', :uses, :by, :now)
                ON CONFLICT (requirement_id, unit_id) DO NOTHING""")
                .param("id", id).param("requirement", requirementId).param("request", requestId)
                .param("unit", unitId).param("nation", nation)
                .param("uses", extraExcludedUses.toArray(String[]::new)).param("by", by)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    /** Offers for the requirements whose unit the reader may read ({@code unitFilter} on alias {@code u}). */
    public List<Offer> offers(LabelFilter unitFilter, List<UUID> requirementIds) {
        return jdbc.sql("SELECT " + OFFER_COLUMNS + " FROM force_offer o JOIN force_unit u ON u.id = o.unit_id "
                        + "WHERE o.requirement_id = ANY(:ids) AND " + unitFilter.sql() + " ORDER BY o.nation, u.name")
                .param("ids", requirementIds.toArray(UUID[]::new)).params(unitFilter.parameters())
                .query(SourcingStore::offer).list();
    }

    /** Offers that a plan may still use: offered or already accepted, of units the planner may read. */
    public List<Offer> plannable(LabelFilter unitFilter, List<UUID> requirementIds) {
        return offers(unitFilter, requirementIds).stream()
                .filter(o -> o.status() == SourcingStatus.OFFERED || o.status() == SourcingStatus.ACCEPTED).toList();
    }

    public Optional<Offer> lockOffer(UUID id) {
        return jdbc.sql("SELECT " + OFFER_COLUMNS + " FROM force_offer o JOIN force_unit u ON u.id = o.unit_id "
                        + "WHERE o.id = :id FOR UPDATE OF o")
                .param("id", id).query(SourcingStore::offer).optional();
    }

    /** Moves the offer from {@code from} to {@code to}; false if it no longer stood at {@code from}. */
    public boolean changeOffer(UUID id, SourcingStatus from, SourcingStatus to, String by, Instant now) {
        return jdbc.sql("UPDATE force_offer SET status = :to, status_changed_by = :by, status_changed_at = :now "
                        + "WHERE id = :id AND status = :from")
                .param("id", id).param("from", from.name()).param("to", to.name()).param("by", by)
                .param("now", Timestamp.from(now)).update() == 1;
    }

    // ---- rows

    static StatedRequirement requirement(ResultSet rs, int row) throws SQLException {
        return new StatedRequirement(rs.getObject("crisis_id", UUID.class),
                new Requirement(rs.getObject("id", UUID.class), Capability.valueOf(rs.getString("capability")),
                        rs.getInt("quantity"), new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")),
                        rs.getString("country"), rs.getTimestamp("needed_by").toInstant(),
                        rs.getInt("duration_days"), rs.getString("use_of_force"),
                        rs.getBoolean("certification_required")),
                label(rs), rs.getString("origin_nation"));
    }

    static SecurityLabel label(ResultSet rs) throws SQLException {
        return new SecurityLabel(Classification.ofRank(rs.getInt("classification")),
                new TreeSet<>(Arrays.asList((String[]) rs.getArray("releasable_to").getArray())));
    }

    private static SourcingRequest request(ResultSet rs, int row) throws SQLException {
        return new SourcingRequest(rs.getObject("id", UUID.class), rs.getObject("requirement_id", UUID.class),
                rs.getString("nation"), SourcingStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("answered_by"), instant(rs.getTimestamp("answered_at")));
    }

    private static Offer offer(ResultSet rs, int row) throws SQLException {
        return new Offer(rs.getObject("id", UUID.class), rs.getObject("requirement_id", UUID.class),
                rs.getObject("request_id", UUID.class), rs.getObject("unit_id", UUID.class),
                rs.getString("unit_name"), rs.getString("nation"), SourcingStatus.valueOf(rs.getString("status")),
                Set.of((String[]) rs.getArray("extra_excluded_uses").getArray()), rs.getString("offered_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("status_changed_by"),
                instant(rs.getTimestamp("status_changed_at")));
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
