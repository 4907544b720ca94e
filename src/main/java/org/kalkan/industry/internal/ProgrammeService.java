package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.Acceptance;
import org.kalkan.industry.BaselineComparison;
import org.kalkan.industry.IndustryProperties;
import org.kalkan.industry.Milestone;
import org.kalkan.industry.MilestoneId;
import org.kalkan.industry.NewMilestone;
import org.kalkan.industry.NewProgramme;
import org.kalkan.industry.NewWorkPackage;
import org.kalkan.industry.Performance;
import org.kalkan.industry.Phase;
import org.kalkan.industry.Programme;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.Programmes;
import org.kalkan.industry.ProgressReport;
import org.kalkan.industry.SCurvePoint;
import org.kalkan.industry.Schedule;
import org.kalkan.industry.ScheduleImport;
import org.kalkan.industry.ScheduledPackage;
import org.kalkan.industry.WorkPackage;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.VersionConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Programmes, their packages, progress, milestones and baselines, with the access rules of {@link Programmes}. */
@Service
class ProgrammeService implements Programmes {

    private final ProgrammeStore store;
    private final SupplierStore suppliers;
    private final BalanceWatch balance;
    private final NationDirectory nations;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final IndustryProperties properties;
    private final Clock clock;

    ProgrammeService(ProgrammeStore store, SupplierStore suppliers, BalanceWatch balance, NationDirectory nations,
            AccessPolicy policy, AuditTrail audit, IndustryProperties properties, Clock clock) {
        this.store = store;
        this.suppliers = suppliers;
        this.balance = balance;
        this.nations = nations;
        this.policy = policy;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Programme create(Subject subject, NewProgramme request) {
        requireRole(subject, "PROGRAMME_CREATE", "programme:new");
        Validation v = new Validation();
        String name = v.text(request.name(), "name", 200);
        Set<String> participants = new HashSet<>();
        for (int i = 0; i < request.nations().size(); i++) {
            String nation = request.nations().get(i);
            v.require(nation != null && nations.isKnownNation(nation), "nations[" + i + "]",
                    "is not a known nation: " + nation);
            v.require(participants.add(nation), "nations[" + i + "]", "is named twice: " + nation);
        }
        v.require(!participants.isEmpty(), "nations", "name at least one participating nation");
        shares(v, "costShares", request.costShares(), participants);
        request.phaseCostShares().forEach((phase, shares) -> shares(v, "phaseCostShares." + phase, shares,
                participants));
        v.require(request.currency() != null && request.currency().matches("[A-Z]{3}"), "currency",
                "must be an ISO 4217 code such as EUR");
        String lead = request.leadNation() != null ? request.leadNation()
                : participants.contains(subject.nation().value()) ? subject.nation().value()
                : request.nations().isEmpty() ? "" : request.nations().get(0);
        v.require(participants.contains(lead), "leadNation", "must be a participating nation");
        String mou = request.mouReference() == null || request.mouReference().isBlank() ? null
                : v.text(request.mouReference(), "mouReference", 200);
        v.throwIfAny();
        name = Validation.checked(name);
        policy.checkWritable(subject, request.label());
        Programme programme = new Programme(ProgrammeId.random(), name, request.nations(), request.costShares(),
                request.phaseCostShares(), request.currency(), request.phase(), mou, lead, request.label(),
                subject.nation().value(), subject.username(), clock.instant(), 0, subject.exercise());
        store.insert(programme, request.costShares());
        audit.record(subject.username(), "PROGRAMME_CREATED", target(programme.id()), "\"" + name + "\" "
                + request.nations() + " shares " + request.costShares() + " " + request.label().marking());
        return programme(subject, programme.id());
    }

    /** Shares of every participating nation, each in [0, 1] with at most 8 decimals, summing to exactly 1. */
    private static void shares(Validation v, String where, Map<String, BigDecimal> shares, Set<String> participants) {
        v.require(shares.keySet().equals(participants), where, "must give a share for exactly the participating "
                + "nations " + new java.util.TreeSet<>(participants));
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> share : shares.entrySet()) {
            BigDecimal value = share.getValue();
            boolean valid = value != null && value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0
                    && value.stripTrailingZeros().scale() <= 8;
            v.require(valid, where + "." + share.getKey(), "must be between 0 and 1 with at most 8 decimals");
            sum = valid ? sum.add(value) : sum;
        }
        v.require(sum.compareTo(BigDecimal.ONE) == 0, where, "must sum to exactly 1 (they sum to "
                + sum.stripTrailingZeros().toPlainString() + ")");
    }

    @Override
    @Transactional(readOnly = true)
    public List<Programme> list(Subject subject) {
        List<Programme> list = store.list(policy.filter(subject, "p"));
        list.forEach(p -> assertReadable(subject, p));
        return list;
    }

    @Override
    @Transactional(readOnly = true)
    public Programme programme(Subject subject, ProgrammeId id) {
        return readable(subject, id, false);
    }

    @Override
    @Transactional
    public Programme changePhase(Subject subject, ProgrammeId id, Phase phase, int version) {
        Programme programme = writable(subject, id, "PROGRAMME_PHASE");
        if (programme.version() != version) {
            throw new VersionConflictException("The programme is at version " + programme.version()
                    + ", not " + version + ": reload it and try again.");
        }
        if (!programme.phase().mayMoveTo(phase)) {
            throw new RefusedException("A programme moves one phase forward at a time: from " + programme.phase()
                    + " only to the next phase, not to " + phase + ".");
        }
        store.changePhase(id, phase);
        audit.record(subject.username(), "PROGRAMME_PHASE_CHANGED", target(id), programme.phase() + " -> " + phase);
        Programme changed = store.findForNode(id).orElseThrow();
        balance.check(changed, store.packages(id));
        return changed;
    }

    @Override
    @Transactional
    public WorkPackage addWorkPackage(Subject subject, ProgrammeId id, NewWorkPackage pkg) {
        Programme programme = writable(subject, id, "WORK_PACKAGE_ADD");
        addAll(subject, programme, List.of(pkg));
        return packageOf(id, pkg.code());
    }

    /** Validates a batch against the programme and itself, network included, then stores it. */
    private void addAll(Subject subject, Programme programme, List<NewWorkPackage> batch) {
        List<WorkPackage> existing = store.packages(programme.id());
        Set<String> codes = new HashSet<>();
        existing.forEach(p -> codes.add(p.code()));
        Validation v = new Validation();
        List<WorkPackage> network = new ArrayList<>(existing);
        for (int i = 0; i < batch.size(); i++) {
            NewWorkPackage p = batch.get(i);
            String at = batch.size() == 1 ? "" : "workPackages[" + i + "].";
            v.require(p.code() != null && Validation.CODE.matcher(p.code()).matches(), at + "code",
                    "must be 1 to 40 letters, digits, '.', '_' or '-'");
            v.require(p.code() == null || codes.add(p.code()), at + "code", "is already a work package: " + p.code());
            v.text(p.title(), at + "title", 300);
            v.require(programme.nations().contains(p.nation()), at + "nation",
                    "must be a participating nation " + programme.nations());
            v.money(p.budget(), at + "budget", false);
            boolean dated = p.plannedStart() != null && p.plannedFinish() != null;
            v.require(dated, at + "plannedStart", "plannedStart and plannedFinish are required");
            if (dated) {
                v.require(p.plannedFinish().isAfter(p.plannedStart()), at + "plannedFinish",
                        "must be after plannedStart (the finish is exclusive)");
                curve(v, at, p);
            }
            Set<String> predecessors = new HashSet<>();
            for (int k = 0; k < p.dependsOn().size(); k++) {
                v.require(predecessors.add(p.dependsOn().get(k).code()), at + "dependsOn[" + k + "]",
                        "names " + p.dependsOn().get(k).code() + " twice");
                v.require(Math.abs(p.dependsOn().get(k).lagDays()) <= 3650, at + "dependsOn[" + k + "].lagDays",
                        "must be within ±3650 days");
            }
            if (p.supplier() != null) {
                var supplier = suppliers.find(p.supplier(), policy.filter(subject, "s"));
                v.require(supplier.isPresent(), at + "supplier", "there is no supplier you can see with this id");
                supplier.ifPresent(s -> v.require(s.nation().equals(p.nation()), at + "supplier",
                        "is of " + s.nation() + ", not of the performing nation " + p.nation()));
            }
            v.require(p.controlEntry() == null || p.controlEntry().matches("[A-Za-z0-9.()-]{1,20}"),
                    at + "controlEntry", "must be a control-list entry such as ML10");
            if (dated && p.code() != null) {
                network.add(new WorkPackage(p.code(), "", p.nation(), null, null, BigDecimal.ONE, p.plannedStart(),
                        p.plannedFinish(), p.dependsOn(), List.of(), null, List.of()));
            }
        }
        v.throwIfAny();
        try {
            Measures.schedule(network); // unknown predecessors and cycles, by name
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            v.require(false, "dependsOn", message == null ? "is not a valid dependency" : message);
            v.throwIfAny();
        }
        for (NewWorkPackage p : batch) {
            store.insertPackage(programme.id(), p);
        }
        for (NewWorkPackage p : batch) {
            store.insertLinks(programme.id(), p.code(), p.dependsOn());
            audit.record(subject.username(), "WORK_PACKAGE_ADDED", target(programme.id()) + "/" + p.code(),
                    p.nation() + " " + p.budget() + " " + programme.currency() + " " + p.plannedStart() + ".."
                            + p.plannedFinish() + " after " + p.dependsOn());
        }
        store.touch(programme.id());
        balance.check(programme, store.packages(programme.id()));
    }

    private static void curve(Validation v, String at, NewWorkPackage p) {
        LocalDate previous = p.plannedStart();
        BigDecimal percent = BigDecimal.ZERO;
        for (int k = 0; k < p.curve().size(); k++) {
            var point = p.curve().get(k);
            String where = at + "curve[" + k + "]";
            if (point.date() == null || point.cumulativePercent() == null) {
                v.require(false, where, "needs date and cumulativePercent");
                continue;
            }
            v.require(point.date().isAfter(previous) && point.date().isBefore(p.plannedFinish()), where,
                    "dates must increase strictly inside the planned start and finish");
            v.percent(point.cumulativePercent(), where + ".cumulativePercent");
            v.require(point.cumulativePercent().compareTo(percent) >= 0, where, "the cumulative percent never falls");
            previous = point.date();
            percent = point.cumulativePercent();
        }
    }

    @Override
    @Transactional
    public WorkPackage replan(Subject subject, ProgrammeId id, String code, LocalDate plannedStart,
            LocalDate plannedFinish, BigDecimal budget) {
        Programme programme = writable(subject, id, "WORK_PACKAGE_REPLAN");
        WorkPackage before = packageOf(id, code);
        Validation v = new Validation();
        v.money(budget, "budget", false);
        v.require(plannedFinish.isAfter(plannedStart), "plannedFinish", "must be after plannedStart");
        v.throwIfAny();
        store.replan(id, code, plannedStart, plannedFinish, budget);
        store.touch(id);
        audit.record(subject.username(), "WORK_PACKAGE_REPLANNED", target(id) + "/" + code, before.plannedStart()
                + ".." + before.plannedFinish() + " " + before.budget() + " -> " + plannedStart + ".." + plannedFinish
                + " " + budget);
        balance.check(programme, store.packages(id));
        return packageOf(id, code);
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorkPackage> workPackages(Subject subject, ProgrammeId id) {
        readable(subject, id, false);
        return store.packages(id);
    }

    @Override
    @Transactional
    public ProgressReport reportProgress(Subject subject, ProgrammeId id, String code, LocalDate asOf,
            BigDecimal percentComplete, BigDecimal actualCost) {
        Programme programme = readable(subject, id, true);
        WorkPackage pkg = packageOf(id, code);
        boolean manager = subject.has(Role.PROGRAMME_MANAGER) && (subject.nation().value()
                .equals(programme.originNation()) || subject.nation().value().equals(pkg.nation()));
        if (!manager) {
            audit.recordDenial(subject.username(), "PROGRESS_REPORT", target(id) + "/" + code,
                    "not a programme manager of " + programme.originNation() + " or " + pkg.nation());
            throw new ForbiddenException("Progress is reported by a programme manager of the programme's nation ("
                    + programme.originNation() + ") or of the performing nation (" + pkg.nation() + ").");
        }
        Validation v = new Validation();
        v.percent(percentComplete, "percentComplete");
        v.money(actualCost, "actualCost", true);
        v.throwIfAny();
        for (ProgressReport earlier : pkg.progress()) {
            if (earlier.asOf().equals(asOf)) {
                throw new RefusedException("Progress of " + code + " as of " + asOf + " was already reported.");
            }
            boolean before = earlier.asOf().isBefore(asOf);
            if (before && (earlier.percentComplete().compareTo(percentComplete) > 0
                    || earlier.actualCost().compareTo(actualCost) > 0)
                    || !before && (earlier.percentComplete().compareTo(percentComplete) < 0
                    || earlier.actualCost().compareTo(actualCost) < 0)) {
                throw new RefusedException("Progress and actual cost are cumulative: the report as of "
                        + earlier.asOf() + " says " + earlier.percentComplete() + " % and " + earlier.actualCost()
                        + ", which a report as of " + asOf + " cannot contradict.");
            }
        }
        ProgressReport report = new ProgressReport(asOf, percentComplete, actualCost, subject.username(),
                clock.instant());
        store.insertProgress(id, code, report);
        store.touch(id);
        audit.record(subject.username(), "PROGRESS_REPORTED", target(id) + "/" + code, "as of " + asOf + " "
                + percentComplete + " % actual cost " + actualCost + " " + programme.currency());
        return report;
    }

    @Override
    @Transactional(readOnly = true)
    public Performance performance(Subject subject, ProgrammeId id, LocalDate asOf) {
        Programme programme = readable(subject, id, false);
        return Measures.performance(programme, store.packages(id), asOf, properties.balanceTolerance());
    }

    @Override
    @Transactional(readOnly = true)
    public List<SCurvePoint> sCurve(Subject subject, ProgrammeId id, LocalDate asOf) {
        readable(subject, id, false);
        return Measures.sCurve(store.packages(id), asOf);
    }

    @Override
    @Transactional(readOnly = true)
    public Schedule schedule(Subject subject, ProgrammeId id) {
        readable(subject, id, false);
        CriticalPath.Result result = Measures.schedule(store.packages(id));
        return new Schedule(id, result.start(), result.finish(), result.lengthDays(), result.packages(),
                result.criticalPath());
    }

    @Override
    @Transactional
    public int importSchedule(Subject subject, ProgrammeId id, ScheduleImport schedule) {
        Programme programme = writable(subject, id, "SCHEDULE_IMPORT");
        if (schedule.workPackages().isEmpty()) {
            throw new IllegalArgumentException("the schedule has no tasks to import");
        }
        addAll(subject, programme, schedule.workPackages());
        for (NewMilestone milestone : schedule.milestones()) {
            insertMilestone(subject, programme, milestone);
        }
        audit.record(subject.username(), "SCHEDULE_IMPORTED", target(id), schedule.workPackages().size()
                + " work packages, " + schedule.milestones().size() + " milestones");
        return schedule.workPackages().size();
    }

    @Override
    @Transactional
    public Milestone addMilestone(Subject subject, ProgrammeId id, NewMilestone milestone) {
        Programme programme = writable(subject, id, "MILESTONE_ADD");
        MilestoneId created = insertMilestone(subject, programme, milestone);
        return store.milestone(id, created).orElseThrow();
    }

    private MilestoneId insertMilestone(Subject subject, Programme programme, NewMilestone milestone) {
        Validation v = new Validation();
        v.text(milestone.name(), "name", 300);
        v.require(milestone.due() != null, "due", "is required");
        if (milestone.workPackage() != null) {
            v.require(store.packages(programme.id()).stream().anyMatch(p -> p.code().equals(milestone.workPackage())),
                    "workPackage", "is not a work package of the programme: " + milestone.workPackage());
        }
        v.throwIfAny();
        MilestoneId id = MilestoneId.random();
        store.insertMilestone(programme.id(), id, milestone, clock.instant());
        audit.record(subject.username(), "MILESTONE_ADDED", target(programme.id()) + "/milestone:" + id,
                milestone.kind() + " \"" + milestone.name() + "\" due " + milestone.due());
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Milestone> milestones(Subject subject, ProgrammeId id) {
        readable(subject, id, false);
        return store.milestones(id);
    }

    @Override
    @Transactional
    public Milestone decideAcceptance(Subject subject, ProgrammeId id, MilestoneId milestone, boolean accepted,
            LocalDate on, @Nullable String note) {
        writable(subject, id, "MILESTONE_ACCEPT");
        Milestone current = store.milestone(id, milestone).orElseThrow(() -> NotFoundException.noVisible("milestone"));
        if (current.status() != Acceptance.PENDING) {
            throw new RefusedException("The " + current.kind().name().toLowerCase(java.util.Locale.ROOT) + " \""
                    + current.name() + "\" was already " + current.status() + " on " + current.decidedOn() + ".");
        }
        if (note != null && note.length() > 2000) {
            throw new IllegalArgumentException("note has more than 2000 characters");
        }
        Acceptance status = accepted ? Acceptance.ACCEPTED : Acceptance.REJECTED;
        store.decide(milestone, status, subject.username(), on, note);
        audit.record(subject.username(), "MILESTONE_" + status, target(id) + "/milestone:" + milestone,
                "on " + on + (note == null ? "" : ": " + note));
        return store.milestone(id, milestone).orElseThrow();
    }

    @Override
    @Transactional
    public BaselineComparison saveBaseline(Subject subject, ProgrammeId id) {
        writable(subject, id, "BASELINE_SAVE");
        List<WorkPackage> packages = store.packages(id);
        if (packages.isEmpty()) {
            throw new RefusedException("A programme without work packages has no schedule to save as a baseline.");
        }
        Map<String, ScheduledPackage> timings = Measures.schedule(packages).byCode();
        List<ProgrammeStore.BaselinePackage> rows = packages.stream().map(p -> new ProgrammeStore.BaselinePackage(
                p.code(), p.budget(), p.plannedStart(), p.plannedFinish(), Measures.scheduled(timings, p).earlyStart(),
                Measures.scheduled(timings, p).earlyFinish())).toList();
        UUID baseline = UUID.randomUUID();
        store.insertBaseline(id, baseline, subject.username(), clock.instant(), rows);
        audit.record(subject.username(), "BASELINE_SAVED", target(id), rows.size() + " work packages");
        return compare(id);
    }

    @Override
    @Transactional(readOnly = true)
    public BaselineComparison compareWithBaseline(Subject subject, ProgrammeId id) {
        readable(subject, id, false);
        return compare(id);
    }

    private BaselineComparison compare(ProgrammeId id) {
        ProgrammeStore.Baseline baseline = store.latestBaseline(id)
                .orElseThrow(() -> new NotFoundException("The programme has no saved baseline."));
        List<WorkPackage> packages = store.packages(id);
        Map<String, ScheduledPackage> timings = Measures.schedule(packages).byCode();
        List<BaselineComparison.Row> rows = new ArrayList<>();
        for (WorkPackage p : packages) {
            ProgrammeStore.BaselinePackage base = baseline.packages().get(p.code());
            LocalDate early = Measures.scheduled(timings, p).earlyFinish();
            rows.add(new BaselineComparison.Row(p.code(), base == null ? null : base.plannedStart(),
                    base == null ? null : base.plannedFinish(), p.plannedStart(), p.plannedFinish(),
                    base == null ? null : base.earlyFinish(), early,
                    base == null ? null : ChronoUnit.DAYS.between(base.earlyFinish(), early),
                    base == null ? null : base.budget(), p.budget(),
                    base == null ? null : p.budget().subtract(base.budget())));
        }
        return new BaselineComparison(id, baseline.savedAt(), baseline.savedBy(), rows);
    }

    // --- access ---

    private WorkPackage packageOf(ProgrammeId id, String code) {
        return store.packages(id).stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> NotFoundException.noVisible("work package " + code));
    }

    private Programme readable(Subject subject, ProgrammeId id, boolean lock) {
        Programme programme = store.find(id, policy.filter(subject, "p"), lock)
                .orElseThrow(() -> NotFoundException.noVisible("programme"));
        assertReadable(subject, programme);
        return programme;
    }

    private void assertReadable(Subject subject, Programme programme) {
        policy.assertReadable(subject, programme.label(), org.kalkan.shared.NationCode.of(programme.originNation()),
                programme.exerciseId(), target(programme.id()));
    }

    /** Readable, locked, and the subject a programme manager of its originating nation (origin authority). */
    private Programme writable(Subject subject, ProgrammeId id, String action) {
        requireRole(subject, action, target(id));
        Programme programme = readable(subject, id, true);
        if (!subject.nation().value().equals(programme.originNation())) {
            audit.recordDenial(subject.username(), action, target(id), "origin " + programme.originNation());
            throw new ForbiddenException("Only programme managers of " + programme.originNation()
                    + ", whose programme it is, change it.");
        }
        return programme;
    }

    private void requireRole(Subject subject, String action, String target) {
        if (!subject.has(Role.PROGRAMME_MANAGER)) {
            audit.recordDenial(subject.username(), action, target, "roles " + subject.roles());
            throw new ForbiddenException("Only programme managers run co-production programmes.");
        }
    }

    static String target(ProgrammeId id) {
        return "programme:" + id;
    }
}
