package org.kalkan.force;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.force.internal.UnitStore;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.VersionConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of national units. A nation registers and edits only its own units; reads follow the labels. */
@Service
public class ForceRegistry {

    private static final Set<Role> EDITORS = Set.of(Role.FORCE_PLANNER, Role.REPORTING_OFFICER);

    private final UnitStore units;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    ForceRegistry(UnitStore units, AccessPolicy policy, AuditTrail audit, Clock clock) {
        this.units = units;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A row of a bulk import that could not be taken, numbered from 1 after the header. */
    public record RowError(int row, String message) {
    }

    @Transactional
    public ForceUnit register(Subject subject, UnitDetails details) {
        requireEditor(subject);
        policy.checkWritable(subject, details.label());
        UnitId id = UnitId.random();
        Instant now = clock.instant();
        units.insert(id, subject.nation(), details, now);
        audit.record(subject.username(), "UNIT_REGISTERED", "unit:" + id, subject.nation() + " " + details.name()
                + " " + details.label().marking());
        return units.find(id).orElseThrow();
    }

    /** Registers every row or none: any row error refuses the whole import, listing every error. */
    @Transactional
    public List<ForceUnit> importAll(Subject subject, List<UnitDetails> rows, List<RowError> parseErrors) {
        requireEditor(subject);
        List<RowError> errors = new ArrayList<>(parseErrors);
        for (int i = 0; i < rows.size(); i++) {
            UnitDetails row = rows.get(i);
            if (row == null) {
                continue;
            }
            try {
                policy.checkWritable(subject, row.label());
            } catch (IllegalArgumentException | ForbiddenException e) {
                errors.add(new RowError(i + 1, String.valueOf(e.getMessage())));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnitImportRefused(errors);
        }
        return rows.stream().map(row -> register(subject, row)).toList();
    }

    @Transactional
    public ForceUnit update(Subject subject, UnitId id, UnitDetails details, int expectedVersion) {
        requireEditor(subject);
        ForceUnit current = find(subject, id);
        if (!current.nation().equals(subject.nation())) {
            audit.recordDenial(subject.username(), "UNIT_UPDATE", "unit:" + id, "unit of " + current.nation());
            throw new ForbiddenException("Only " + current.nation() + " edits its own unit.");
        }
        policy.checkWritable(subject, details.label());
        if (!units.update(id, details, expectedVersion, clock.instant())) {
            throw new VersionConflictException("The unit was changed by someone else (version " + current.version()
                    + "); reload and try again.");
        }
        audit.record(subject.username(), "UNIT_UPDATED", "unit:" + id, details.name());
        return units.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ForceUnit find(Subject subject, UnitId id) {
        ForceUnit unit = units.find(id)
                .filter(u -> policy.canReadInAnyContext(subject, u.details().label(), u.nation()))
                .orElseThrow(() -> {
                    audit.recordDenial(subject.username(), "READ", "unit:" + id, "not found or not readable");
                    return NotFoundException.noVisible("unit");
                });
        return unit;
    }

    @Transactional(readOnly = true)
    public List<ForceUnit> list(Subject subject, @Nullable String nation, @Nullable Capability capability,
            @Nullable Boolean standingPool) {
        List<ForceUnit> found = units.list(policy.filterAcrossContexts(subject, "u"), nation, capability, standingPool);
        found.forEach(u -> policy.assertReadable(subject, u.details().label(), u.nation(), subject.exercise(),
                "unit:" + u.id()));
        return found;
    }

    private void requireEditor(Subject subject) {
        if (EDITORS.stream().noneMatch(subject::has)) {
            audit.recordDenial(subject.username(), "UNIT", "registry", "requires one of " + EDITORS);
            throw new ForbiddenException("Only a nation's force planners and points of contact edit its units.");
        }
    }

    /** A bulk import refused, with every row error. */
    public static final class UnitImportRefused extends RuntimeException {

        private final List<RowError> errors;

        public UnitImportRefused(List<RowError> errors) {
            super(errors.size() + " row(s) of the import are invalid; nothing was stored");
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }
}
