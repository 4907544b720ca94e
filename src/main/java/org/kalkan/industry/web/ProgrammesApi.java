package org.kalkan.industry.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.CurvePoint;
import org.kalkan.industry.NewProgramme;
import org.kalkan.industry.NewWorkPackage;
import org.kalkan.industry.Phase;
import org.kalkan.industry.Programme;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.Programmes;
import org.kalkan.industry.ProgressReport;
import org.kalkan.industry.SCurvePoint;
import org.kalkan.industry.Schedule;
import org.kalkan.industry.SupplierId;
import org.kalkan.industry.WorkPackage;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Programmes, their work packages, progress and earned value. */
@RestController
@RequestMapping("/api/v1/industry/programmes")
class ProgrammesApi {

    private final Programmes programmes;
    private final CurrentSubject subject;
    private final java.time.Clock clock;

    ProgrammesApi(Programmes programmes, CurrentSubject subject, java.time.Clock clock) {
        this.programmes = programmes;
        this.subject = subject;
        this.clock = clock;
    }

    record ProgrammeBody(@Nullable String name, @Nullable List<String> nations,
            @Nullable Map<String, BigDecimal> costShares, @Nullable Map<String, Map<String, BigDecimal>> phaseCostShares,
            @Nullable String currency, @Nullable String phase, @Nullable String mouReference,
            @Nullable String leadNation, @Nullable SecurityLabel label) {
    }

    @PostMapping
    ResponseEntity<Programme> create(@RequestBody ProgrammeBody body) {
        Map<Phase, Map<String, BigDecimal>> byPhase = new java.util.EnumMap<>(Phase.class);
        if (body.phaseCostShares() != null) {
            body.phaseCostShares().forEach((phase, shares) -> byPhase.put(Json.enumValue(Phase.class, phase,
                    "phaseCostShares"), Json.map(shares, "phaseCostShares." + phase)));
        }
        Programme created = programmes.create(subject.get(), new NewProgramme(Json.required(body.name(), "name"),
                Json.list(body.nations(), "nations"), Json.map(body.costShares(), "costShares"), byPhase,
                Json.required(body.currency(), "currency"),
                body.phase() == null ? Phase.CONCEPT : Json.enumValue(Phase.class, body.phase(), "phase"),
                body.mouReference(), body.leadNation(), Json.required(body.label(), "label")));
        return ResponseEntity.created(URI.create("/api/v1/industry/programmes/" + created.id())).body(created);
    }

    @GetMapping
    List<Programme> list() {
        return programmes.list(subject.get());
    }

    @GetMapping("/{id}")
    Programme programme(@PathVariable String id) {
        return programmes.programme(subject.get(), ProgrammeId.parse(id));
    }

    record PhaseBody(@Nullable String phase, @Nullable Integer version) {
    }

    /** {@code {"phase":"DEVELOPMENT","version":3}}: one step forward at the programme's current version. */
    @PostMapping("/{id}/phase")
    Programme phase(@PathVariable String id, @RequestBody PhaseBody body) {
        return programmes.changePhase(subject.get(), ProgrammeId.parse(id),
                Json.enumValue(Phase.class, body.phase(), "phase"), Json.required(body.version(), "version"));
    }

    record CurveBody(@Nullable String date, @Nullable BigDecimal cumulativePercent) {
    }

    record PackageBody(@Nullable String code, @Nullable String title, @Nullable String nation,
            @Nullable String supplierId, @Nullable BigDecimal budget, @Nullable String plannedStart,
            @Nullable String plannedFinish, @Nullable List<Object> dependsOn, @Nullable List<CurveBody> curve,
            @Nullable String controlEntry) {
    }

    @PostMapping("/{id}/work-packages")
    ResponseEntity<WorkPackage> addPackage(@PathVariable String id, @RequestBody PackageBody body) {
        ProgrammeId programme = ProgrammeId.parse(id);
        List<CurvePoint> curve = new ArrayList<>();
        if (body.curve() != null) {
            List<CurveBody> points = Json.list(body.curve(), "curve");
            for (int i = 0; i < points.size(); i++) {
                CurveBody point = points.get(i);
                curve.add(new CurvePoint(Json.date(point.date(), "curve[" + i + "].date"),
                        Json.required(point.cumulativePercent(), "curve[" + i + "].cumulativePercent")));
            }
        }
        WorkPackage created = programmes.addWorkPackage(subject.get(), programme, new NewWorkPackage(
                Json.required(body.code(), "code"), Json.required(body.title(), "title"),
                Json.required(body.nation(), "nation"),
                body.supplierId() == null ? null : SupplierId.parse(body.supplierId()),
                Json.required(body.budget(), "budget"), Json.date(body.plannedStart(), "plannedStart"),
                Json.date(body.plannedFinish(), "plannedFinish"), Json.dependencies(body.dependsOn()), curve,
                body.controlEntry() == null || body.controlEntry().isBlank() ? null : body.controlEntry().strip()));
        return ResponseEntity.created(URI.create("/api/v1/industry/programmes/" + id + "/work-packages/"
                + created.code())).body(created);
    }

    @GetMapping("/{id}/work-packages")
    List<WorkPackage> packages(@PathVariable String id) {
        return programmes.workPackages(subject.get(), ProgrammeId.parse(id));
    }

    record ReplanBody(@Nullable String plannedStart, @Nullable String plannedFinish, @Nullable BigDecimal budget) {
    }

    @PostMapping("/{id}/work-packages/{code}/plan")
    WorkPackage replan(@PathVariable String id, @PathVariable String code, @RequestBody ReplanBody body) {
        return programmes.replan(subject.get(), ProgrammeId.parse(id), code,
                Json.date(body.plannedStart(), "plannedStart"), Json.date(body.plannedFinish(), "plannedFinish"),
                Json.required(body.budget(), "budget"));
    }

    record ProgressBody(@Nullable String asOf, @Nullable BigDecimal percentComplete, @Nullable BigDecimal actualCost) {
    }

    @PostMapping("/{id}/work-packages/{code}/progress")
    ResponseEntity<ProgressReport> progress(@PathVariable String id, @PathVariable String code,
            @RequestBody ProgressBody body) {
        ProgressReport report = programmes.reportProgress(subject.get(), ProgrammeId.parse(id), code,
                Json.date(body.asOf(), "asOf"), Json.required(body.percentComplete(), "percentComplete"),
                Json.required(body.actualCost(), "actualCost"));
        return ResponseEntity.status(201).body(report);
    }

    /** Earned value as of {@code asOf} (default today, UTC). */
    @GetMapping("/{id}/performance")
    Json.PerformanceJson performance(@PathVariable String id, @RequestParam(required = false) @Nullable String asOf) {
        return Json.PerformanceJson.of(programmes.performance(subject.get(), ProgrammeId.parse(id), asOf(asOf)));
    }

    @GetMapping("/{id}/s-curve")
    List<SCurvePoint> sCurve(@PathVariable String id, @RequestParam(required = false) @Nullable String asOf) {
        return programmes.sCurve(subject.get(), ProgrammeId.parse(id), asOf(asOf));
    }

    @GetMapping("/{id}/schedule")
    Schedule schedule(@PathVariable String id) {
        return programmes.schedule(subject.get(), ProgrammeId.parse(id));
    }

    private LocalDate asOf(@Nullable String asOf) {
        return asOf == null || asOf.isBlank() ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                : Json.date(asOf, "asOf");
    }
}
