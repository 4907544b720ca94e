package org.kalkan.force;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.Crises;
import org.kalkan.platform.Problems;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.LabelFilter;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requirements stated for a crisis, the units nations offer for them, and sourcing plans computed from the
 * offers: a unit is only ever considered for the requirement it was offered for, under its own caveats plus the
 * offer's extra ones.
 */
@Service
public class ForceRequirements {

    private final JdbcClient jdbc;
    private final Crises crises;
    private final ForceRegistry registry;
    private final SourcingEngine engine;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    ForceRequirements(JdbcClient jdbc, Crises crises, ForceRegistry registry, SourcingEngine engine,
            AccessPolicy policy, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.crises = crises;
        this.registry = registry;
        this.engine = engine;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A stored requirement with its crisis and label. */
    public record StatedRequirement(UUID crisisId, Requirement requirement, SecurityLabel label) {
    }

    @Transactional
    public StatedRequirement state(Subject planner, UUID crisisId, Requirement requirement, SecurityLabel label) {
        if (!planner.has(Role.FORCE_PLANNER)) {
            audit.recordDenial(planner.username(), "REQUIREMENT", "crisis:" + crisisId, "not a force planner");
            throw Problems.forbidden("Only force planners state requirements.");
        }
        // The requirement belongs to its crisis's context (ADR 0006), which is the planner's: find checks both.
        var crisis = crises.find(planner, new CrisisId(crisisId));
        policy.checkWritable(planner, label);
        jdbc.sql("""
                INSERT INTO force_requirement (id, crisis_id, capability, quantity, lat, lon, country, needed_by,
                    duration_days, use_of_force, classification, releasable_to, origin_nation, created_by, created_at,
                    exercise_id)
                VALUES (:id, :crisis, :capability, :quantity, :lat, :lon, :country, :neededBy, :days, :use,
                    :classification, :releasable, :origin, :by, :now, :exercise)""")
                .param("exercise", crisis.exerciseId())
                .param("id", requirement.id()).param("crisis", crisisId)
                .param("capability", requirement.capability().name()).param("quantity", requirement.quantity())
                .param("lat", requirement.location().lat()).param("lon", requirement.location().lon())
                .param("country", requirement.country()).param("neededBy", Timestamp.from(requirement.neededBy()))
                .param("days", requirement.durationDays()).param("use", requirement.use())
                .param("classification", label.classification().rank())
                .param("releasable", label.releasableTo().toArray(String[]::new))
                .param("origin", planner.nation().value()).param("by", planner.username())
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record(planner.username(), "REQUIREMENT_STATED", "requirement:" + requirement.id(),
                requirement.quantity() + " x " + requirement.capability() + " in " + requirement.country()
                        + " for crisis " + crisisId);
        return new StatedRequirement(crisisId, requirement, label);
    }

    @Transactional(readOnly = true)
    public List<StatedRequirement> forCrisis(Subject subject, UUID crisisId) {
        LabelFilter filter = policy.filter(subject, "r");
        return jdbc.sql("SELECT * FROM force_requirement r WHERE r.crisis_id = :crisis AND " + filter.sql()
                        + " ORDER BY r.needed_by")
                .param("crisis", crisisId).params(filter.parameters())
                .query((rs, i) -> new StatedRequirement(rs.getObject("crisis_id", UUID.class),
                        new Requirement(rs.getObject("id", UUID.class), Capability.valueOf(rs.getString("capability")),
                                rs.getInt("quantity"), new GeoPoint(rs.getDouble("lat"), rs.getDouble("lon")),
                                rs.getString("country"), rs.getTimestamp("needed_by").toInstant(),
                                rs.getInt("duration_days"), rs.getString("use_of_force")),
                        new SecurityLabel(Classification.ofRank(rs.getInt("classification")),
                                new TreeSet<>(List.of((String[]) rs.getArray("releasable_to").getArray())))))
                .list();
    }

    /** A nation offers one of its own units for a requirement, optionally with extra excluded uses. */
    @Transactional
    public UUID offer(Subject officer, UUID requirementId, UnitId unitId, Set<String> extraExcludedUses) {
        ForceUnit unit = registry.find(officer, unitId);
        if (!unit.nation().equals(officer.nation())) {
            audit.recordDenial(officer.username(), "OFFER", "unit:" + unitId, "unit of " + unit.nation());
            throw Problems.forbidden("Only " + unit.nation() + " offers its own unit.");
        }
        requirement(officer, requirementId);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO force_offer (id, requirement_id, unit_id, nation, status, extra_excluded_uses, offered_by,
                    created_at)
                VALUES (:id, :requirement, :unit, :nation, 'OFFERED', :uses, :by, :now)
                ON CONFLICT (requirement_id, unit_id) DO NOTHING""")
                .param("id", id).param("requirement", requirementId).param("unit", unitId.value())
                .param("nation", unit.nation().value()).param("uses", extraExcludedUses.toArray(String[]::new))
                .param("by", officer.username()).param("now", Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw Problems.conflict("This unit is already offered for this requirement.");
        }
        audit.record(officer.username(), "UNIT_OFFERED", "requirement:" + requirementId, "unit " + unitId);
        return id;
    }

    /** Sources the requirements of a crisis (or the named ones) from the units offered for them. */
    @Transactional(readOnly = true)
    public SourcingPlan plan(Subject planner, @Nullable UUID crisisId, List<UUID> requirementIds, Duration limit) {
        if (!planner.has(Role.FORCE_PLANNER)) {
            throw Problems.forbidden("Only force planners compute sourcing plans.");
        }
        List<Requirement> requirements = new ArrayList<>();
        if (crisisId != null) {
            forCrisis(planner, crisisId).forEach(r -> requirements.add(r.requirement()));
        }
        for (UUID id : requirementIds) {
            requirements.add(requirement(planner, id).requirement());
        }
        if (requirements.isEmpty()) {
            throw new IllegalArgumentException("name a crisisId with requirements, or requirementIds");
        }
        Map<UUID, List<Offer>> offers = offers(requirements.stream().map(Requirement::id).toList());
        List<ForceUnit> units = new ArrayList<>();
        Set<String> offeredPairs = new HashSet<>();
        Set<UnitId> seen = new HashSet<>();
        for (Map.Entry<UUID, List<Offer>> entry : offers.entrySet()) {
            for (Offer offer : entry.getValue()) {
                ForceUnit unit = registry.find(planner, offer.unitId());
                if (seen.add(unit.id())) {
                    units.add(withExtraCaveats(unit, offer.extraExcludedUses()));
                }
                offeredPairs.add(unit.id() + "/" + entry.getKey());
            }
        }
        return engine.plan(requirements, units, limit, Runtime.getRuntime().availableProcessors(),
                (unit, requirement) -> offeredPairs.contains(unit.id() + "/" + requirement.id())
                        ? null : "not offered for this requirement");
    }

    private record Offer(UnitId unitId, Set<String> extraExcludedUses) {
    }

    private Map<UUID, List<Offer>> offers(List<UUID> requirementIds) {
        return jdbc.sql("SELECT requirement_id, unit_id, extra_excluded_uses FROM force_offer "
                        + "WHERE requirement_id = ANY(:ids) AND status IN ('OFFERED', 'ACCEPTED')")
                .param("ids", requirementIds.toArray(UUID[]::new))
                .query((rs, i) -> Map.entry(rs.getObject("requirement_id", UUID.class),
                        new Offer(new UnitId(rs.getObject("unit_id", UUID.class)),
                                Set.of((String[]) rs.getArray("extra_excluded_uses").getArray()))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static ForceUnit withExtraCaveats(ForceUnit unit, Set<String> extraExcludedUses) {
        if (extraExcludedUses.isEmpty()) {
            return unit;
        }
        UnitDetails d = unit.details();
        Set<String> uses = new TreeSet<>(d.caveats().excludedUses());
        uses.addAll(extraExcludedUses);
        Caveats caveats = new Caveats(d.caveats().allowedCountries(), d.caveats().excludedCountries(), uses,
                d.caveats().maxDeploymentDays(), d.caveats().ownTerritoryOnly());
        return new ForceUnit(unit.id(), unit.nation(), new UnitDetails(d.name(), d.sidc(), d.capabilities(),
                d.personnel(), d.noticeToMoveHours(), d.home(), d.movementModes(), d.availableFrom(), d.availableTo(),
                d.standingPool(), caveats, d.label()), unit.updatedAt(), unit.version());
    }

    private StatedRequirement requirement(Subject subject, UUID id) {
        LabelFilter filter = policy.filter(subject, "r");
        UUID crisis = jdbc.sql("SELECT crisis_id FROM force_requirement r WHERE r.id = :id AND " + filter.sql())
                .param("id", id).params(filter.parameters()).query(UUID.class).optional()
                .orElseThrow(() -> Problems.notFound("No requirement " + id + " that you may read."));
        return forCrisis(subject, crisis).stream().filter(r -> r.requirement().id().equals(id)).findFirst()
                .orElseThrow(() -> Problems.notFound("No requirement " + id + " that you may read."));
    }

}
