package org.kalkan.crisis.web;

import java.net.URI;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.Crises;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisLog;
import org.kalkan.crisis.CrisisPhase;
import org.kalkan.crisis.CrisisTeam;
import org.kalkan.crisis.NewCrisis;
import org.kalkan.incident.IncidentId;
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

/** Crises, their phase, team, attached incidents, SITREP schedule and log. */
@RestController
@RequestMapping("/api/v1/crises")
class CrisesApi {

    private final Crises crises;
    private final CrisisLog log;
    private final CurrentSubject subject;

    CrisesApi(Crises crises, CrisisLog log, CurrentSubject subject) {
        this.crises = crises;
        this.log = log;
        this.subject = subject;
    }

    record TeamRequest(@Nullable List<String> users, @Nullable List<String> nations) {

        CrisisTeam toTeam() {
            return CrisisTeam.of(users == null ? java.util.Set.of() : new TreeSet<>(users),
                    new TreeSet<>(Inputs.nations(nations, "team.nations")));
        }
    }

    record OpenRequest(@Nullable String title, @Nullable List<String> incidentIds, @Nullable SecurityLabel label,
            @Nullable TeamRequest team, @Nullable String sitrepEvery) {
    }

    @PostMapping
    ResponseEntity<CrisisJson.CrisisView> open(@RequestBody OpenRequest request) {
        if (request.label() == null) {
            throw new IllegalArgumentException("label is required: {\"classification\":…,\"releasableTo\":[…]}");
        }
        List<IncidentId> incidents = request.incidentIds() == null ? List.of()
                : request.incidentIds().stream().map(i -> new IncidentId(Inputs.uuid(i, "incidentIds"))).toList();
        NewCrisis crisis = new NewCrisis(Inputs.present(request.title(), "title"), request.label(), incidents,
                request.team() == null ? CrisisTeam.of(java.util.Set.of(), java.util.Set.of()) : request.team().toTeam(),
                Inputs.duration(request.sitrepEvery(), "sitrepEvery"));
        var opened = crises.open(subject.get(), crisis);
        return ResponseEntity.created(URI.create("/api/v1/crises/" + opened.id())).body(CrisisJson.CrisisView.of(opened));
    }

    @GetMapping
    List<CrisisJson.CrisisView> list(@RequestParam(defaultValue = "100") int limit) {
        return crises.list(subject.get(), limit).stream().map(CrisisJson.CrisisView::of).toList();
    }

    @GetMapping("/{id}")
    CrisisJson.CrisisView crisis(@PathVariable UUID id) {
        return CrisisJson.CrisisView.of(crises.find(subject.get(), new CrisisId(id)));
    }

    record PhaseRequest(@Nullable String phase, @Nullable String reason) {
    }

    @PostMapping("/{id}/phase")
    CrisisJson.CrisisView phase(@PathVariable UUID id, @RequestBody PhaseRequest request) {
        return CrisisJson.CrisisView.of(crises.changePhase(subject.get(), new CrisisId(id),
                Inputs.enumValue(CrisisPhase.class, request.phase(), "phase"), request.reason()));
    }

    @PostMapping("/{id}/team")
    CrisisJson.CrisisView team(@PathVariable UUID id, @RequestBody TeamRequest request) {
        return CrisisJson.CrisisView.of(crises.addToTeam(subject.get(), new CrisisId(id), request.toTeam()));
    }

    record AttachRequest(@Nullable String incidentId) {
    }

    @PostMapping("/{id}/incidents")
    CrisisJson.CrisisView attach(@PathVariable UUID id, @RequestBody AttachRequest request) {
        return CrisisJson.CrisisView.of(crises.attach(subject.get(), new CrisisId(id),
                new IncidentId(Inputs.uuid(request.incidentId(), "incidentId"))));
    }

    record ScheduleRequest(@Nullable String sitrepEvery) {
    }

    /** {@code {"sitrepEvery":"PT12H"}} prepares a SITREP draft every 12 hours; {@code null} stops the schedule. */
    @PostMapping("/{id}/schedule")
    CrisisJson.CrisisView schedule(@PathVariable UUID id, @RequestBody ScheduleRequest request) {
        return CrisisJson.CrisisView.of(crises.scheduleSitreps(subject.get(), new CrisisId(id),
                Inputs.duration(request.sitrepEvery(), "sitrepEvery")));
    }

    @GetMapping("/{id}/log")
    List<CrisisJson.Entry> log(@PathVariable UUID id, @RequestParam(defaultValue = "500") int limit) {
        return log.entries(subject.get(), new CrisisId(id), limit).stream().map(CrisisJson.Entry::of).toList();
    }

    record LogRequest(@Nullable String text, @Nullable SecurityLabel label, @Nullable String corrects) {
    }

    /** A note, or with {@code corrects} a correction of an earlier entry; nothing is ever edited or deleted. */
    @PostMapping("/{id}/log")
    ResponseEntity<CrisisJson.Entry> write(@PathVariable UUID id, @RequestBody LogRequest request) {
        var entry = log.write(subject.get(), new CrisisId(id), request.text(), request.label(),
                request.corrects() == null ? null : Inputs.uuid(request.corrects(), "corrects"));
        return ResponseEntity.created(URI.create("/api/v1/crises/" + id + "/log")).body(CrisisJson.Entry.of(entry));
    }
}
