package org.kalkan.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.Evaluation;
import org.kalkan.exercise.Evaluations;
import org.kalkan.force.Capability;
import org.kalkan.force.ForceRegistry;
import org.kalkan.force.ForceUnit;
import org.kalkan.force.UnitId;
import org.kalkan.force.UnitReadiness;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.InvalidInputException.Violation;
import org.kalkan.shared.RefusedException;
import org.kalkan.training.Billet;
import org.kalkan.training.CertificationId;
import org.kalkan.training.CertificationOutcome;
import org.kalkan.training.CertificationRequest;
import org.kalkan.training.Certifications;
import org.kalkan.training.Criterion;
import org.kalkan.training.ReadinessEntry;
import org.kalkan.training.ReadinessState;
import org.kalkan.training.TrainingProperties;
import org.kalkan.training.UnitCertification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unit certification and computed readiness; also force's {@link UnitReadiness}, so sourcing takes only certified
 * units where a requirement asks for them (ADR 0010). The evaluation that decides a day is the latest made by then:
 * a failed re-evaluation ends an earlier certification.
 */
@Service
class CertificationService implements Certifications, UnitReadiness {

    private final CertificationStore store;
    private final PersonStore people;
    private final ForceRegistry forces;
    private final Evaluations evaluations;
    private final TrainingAccess access;
    private final TrainingProperties properties;
    private final Clock clock;

    CertificationService(CertificationStore store, PersonStore people, ForceRegistry forces, Evaluations evaluations,
            TrainingAccess access, TrainingProperties properties, Clock clock) {
        this.store = store;
        this.people = people;
        this.forces = forces;
        this.evaluations = evaluations;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UnitCertification certify(Subject subject, CertificationRequest request) {
        access.requireRealWorld(subject, "units are certified");
        ForceUnit unit = forces.find(subject, request.unit());
        List<Criterion> criteria = new ArrayList<>(request.criteria());
        boolean evaluator = false;
        if (request.exerciseId() != null) {
            // Reading the evaluation is refused to anyone but the exercise's evaluators and EXCON (403/404).
            Evaluation evaluation = evaluations.evaluate(subject.inRealWorld(), request.exerciseId());
            if (!evaluation.exercise().participatingUnits().contains(unit.id().value())) {
                throw new IllegalArgumentException("evidence.exerciseId: " + unit.details().name()
                        + " did not take part in " + evaluation.exercise().name());
            }
            criteria.addAll(fromExercise(evaluation));
            evaluator = true;
        }
        boolean allowed = evaluator || subject.has(Role.TRAINING_COORDINATOR)
                || subject.has(Role.TRAINING_MANAGER) && subject.nation().equals(unit.nation());
        if (!allowed) {
            access.denied(subject, "UNIT_CERTIFY", "unit:" + unit.id(), "not the coordinator, a training manager of "
                    + unit.nation() + " or an evaluator of the exercise");
            throw new ForbiddenException("Units are certified by the training coordinator, the unit's nation's "
                    + "training managers, or the evaluators of the exercise given as evidence.");
        }
        if (!unit.details().capabilities().contains(request.capability())) {
            throw new IllegalArgumentException("capability: " + unit.details().name() + " is not registered with "
                    + request.capability());
        }
        LocalDate today = today();
        LocalDate evaluatedOn = request.evaluatedOn() == null ? today : request.evaluatedOn();
        if (evaluatedOn.isAfter(today)) {
            throw new IllegalArgumentException("evaluatedOn " + evaluatedOn + " is in the future");
        }
        if (request.validUntil() != null && !request.validUntil().isAfter(evaluatedOn)) {
            throw new IllegalArgumentException("validUntil " + request.validUntil() + " is not after the evaluation "
                    + evaluatedOn);
        }
        if (request.outcome() == CertificationOutcome.CERTIFIED) {
            if (criteria.isEmpty()) {
                throw new IllegalArgumentException("evidence.criteria: a certification needs its checklist (or an "
                        + "exerciseId whose evaluation supplies it)");
            }
            List<Violation> unmet = new ArrayList<>();
            for (int i = 0; i < criteria.size(); i++) {
                if (!criteria.get(i).met()) {
                    unmet.add(new Violation("evidence.criteria[" + i + "]", criteria.get(i).criterion() + ": not met"));
                }
            }
            if (!unmet.isEmpty()) {
                throw new RefusedException(unmet.size() + " criterion(s) not met: the unit cannot be CERTIFIED", unmet);
            }
        }
        UnitCertification certification = new UnitCertification(CertificationId.random(), unit.id(),
                request.capability(), request.outcome(), evaluatedOn, request.validUntil(), criteria,
                request.exerciseId(), request.notes(), subject.username(), clock.instant());
        store.insert(certification, unit.nation());
        access.record(subject, "UNIT_" + request.outcome(), "unit:" + unit.id(), unit.nation() + " "
                + unit.details().name() + " " + request.capability() + " evaluated " + evaluatedOn
                + (request.validUntil() == null ? "" : ", valid until " + request.validUntil())
                + (request.exerciseId() == null ? "" : " on exercise " + request.exerciseId()));
        return certification;
    }

    /** Each objective of the exercise becomes a criterion: met when injects were delivered and none was missed. */
    private static List<Criterion> fromExercise(Evaluation evaluation) {
        List<Criterion> criteria = new ArrayList<>();
        for (Evaluation.ObjectiveMeasure measure : evaluation.objectives()) {
            if (measure.injects() == 0) {
                continue;
            }
            String tested = measure.trainingObjectives().isEmpty() ? ""
                    : " (training objectives " + String.join(", ", measure.trainingObjectives()) + ")";
            criteria.add(new Criterion("Exercise " + evaluation.exercise().name() + ": objective "
                    + measure.objective() + tested, measure.delivered() > 0 && measure.missed() == 0,
                    measure.delivered() + " inject(s) delivered, " + measure.met() + " expected action(s) measured, "
                            + measure.missed() + " missed"));
        }
        return criteria;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UnitCertification> history(Subject subject, UnitId unit) {
        forces.find(subject, unit);
        return store.ofUnit(unit);
    }

    @Override
    @Transactional
    public List<Billet> setBillets(Subject manager, UnitId unitId, List<Billet> billets) {
        access.requireRealWorld(manager, "billets are set");
        ForceUnit unit = forces.find(manager, unitId);
        access.requireManagerOf(manager, unit.nation(), "BILLETS", "unit:" + unitId);
        Set<String> seen = new TreeSet<>();
        for (Billet billet : billets) {
            if (!unit.details().capabilities().contains(billet.capability())) {
                throw new IllegalArgumentException("billets: " + unit.details().name() + " is not registered with "
                        + billet.capability());
            }
            if (!seen.add(billet.capability() + "/" + billet.qualification())) {
                throw new IllegalArgumentException("billets: " + billet.capability() + " " + billet.qualification()
                        + " is given twice");
            }
        }
        store.replaceBillets(unitId, billets, manager.username(), clock.instant());
        access.record(manager, "BILLETS_SET", "unit:" + unitId, billets.size() + " billet line(s)");
        return store.billets(unitId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Billet> billets(Subject subject, UnitId unit) {
        forces.find(subject, unit);
        return store.billets(unit);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReadinessEntry> board(Subject subject, LocalDate day) {
        List<ReadinessEntry> board = new ArrayList<>();
        for (ForceUnit unit : forces.list(subject, null, null, null)) {
            for (Capability capability : store.capabilitiesOf(unit.id())) {
                board.add(compute(unit, capability, day));
            }
        }
        return board;
    }

    ReadinessEntry compute(ForceUnit unit, Capability capability, LocalDate day) {
        UnitCertification deciding = store.deciding(unit.id(), capability, day).orElse(null);
        List<Billet> billets = store.billets(unit.id()).stream().filter(b -> b.capability() == capability).toList();
        LocalDate soon = day.plus(properties.expiringWithin());
        int required = 0;
        int filled = 0;
        int filledLater = 0;
        for (Billet billet : billets) {
            int[] count = people.unitCount(unit.id(), billet.qualification(), day, soon);
            required += billet.required();
            filled += Math.min(billet.required(), count[0]);
            filledLater += Math.min(billet.required(), count[0] - count[1]);
        }
        String gap = gap(deciding, capability, day);
        LocalDate until = deciding == null ? null : deciding.validUntil();
        ReadinessState state;
        String reason;
        if (gap != null) {
            state = ReadinessState.NOT_CERTIFIED;
            reason = gap;
        } else if (required > 0 && filled < properties.readinessThreshold() * required) {
            state = ReadinessState.DEGRADED;
            reason = "certified until " + until + "; " + filled + " of " + required + " billets filled by qualified "
                    + "people";
        } else if (until != null && until.isBefore(soon)
                || required > 0 && filledLater < properties.readinessThreshold() * required) {
            state = ReadinessState.EXPIRING;
            reason = "certified until " + until + (required == 0 ? "" : "; " + filled + " of " + required
                    + " billets filled, " + (filled - filledLater) + " qualification(s) lapse before " + soon);
        } else {
            state = ReadinessState.READY;
            reason = "certified until " + until + (required == 0 ? "" : "; " + filled + " of " + required
                    + " billets filled");
        }
        return new ReadinessEntry(unit.id(), unit.details().name(), unit.nation(), capability, day, state, until,
                required, filled, reason, unit.details().label());
    }

    private static @Nullable String gap(@Nullable UnitCertification deciding, Capability capability, LocalDate day) {
        if (deciding == null) {
            return "no certification for " + capability + " on " + day;
        }
        if (deciding.certifiesOn(day)) {
            return null;
        }
        if (deciding.outcome() == CertificationOutcome.NOT_CERTIFIED) {
            return "evaluated NOT_CERTIFIED for " + capability + " on " + deciding.evaluatedOn();
        }
        return "certification for " + capability + " expired on " + deciding.validUntil();
    }

    // ---- force.UnitReadiness: the caller has checked the reader may read the unit

    @Override
    @Transactional(readOnly = true)
    public @Nullable String certificationGap(UnitId unit, Capability capability, LocalDate day) {
        return gap(store.deciding(unit, capability, day).orElse(null), capability, day);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CapabilityReadiness> readiness(ForceUnit unit, LocalDate day) {
        List<CapabilityReadiness> list = new ArrayList<>();
        for (Capability capability : store.capabilitiesOf(unit.id())) {
            ReadinessEntry entry = compute(unit, capability, day);
            list.add(new CapabilityReadiness(capability, entry.state().name(), entry.reason()));
        }
        return list;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
