package org.kalkan.crisis.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.SitrepSections;
import org.kalkan.crisis.Sitreps;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** SITREPs: prepare, edit while a draft, issue, and export an issued one as PDF or JSON. */
@RestController
@RequestMapping("/api/v1/crises/{id}/sitreps")
class SitrepsApi {

    private final Sitreps sitreps;
    private final CurrentSubject subject;

    SitrepsApi(Sitreps sitreps, CurrentSubject subject) {
        this.sitreps = sitreps;
        this.subject = subject;
    }

    record PrepareRequest(@Nullable SecurityLabel label) {
    }

    @PostMapping
    ResponseEntity<CrisisJson.SitrepView> prepare(@PathVariable UUID id,
            @RequestBody(required = false) @Nullable PrepareRequest request) {
        var sitrep = sitreps.prepare(subject.get(), new CrisisId(id),
                request == null ? null : request.label());
        return ResponseEntity.created(URI.create("/api/v1/crises/" + id + "/sitreps/" + sitrep.number()))
                .body(CrisisJson.SitrepView.of(sitrep));
    }

    @GetMapping
    List<CrisisJson.SitrepView> list(@PathVariable UUID id) {
        return sitreps.list(subject.get(), new CrisisId(id)).stream().map(CrisisJson.SitrepView::of).toList();
    }

    @GetMapping("/{number:\\d+}")
    CrisisJson.SitrepView sitrep(@PathVariable UUID id, @PathVariable int number) {
        return CrisisJson.SitrepView.of(sitreps.find(subject.get(), new CrisisId(id), number));
    }

    record EditRequest(@Nullable String situation, @Nullable String incidents, @Nullable String tasks,
            @Nullable String rfis, @Nullable String decisions, @Nullable String outlook, @Nullable Integer version) {
    }

    /** Replaces the sections of a draft (omitted ones keep their text); an issued SITREP answers 409. */
    @PostMapping("/{number:\\d+}")
    CrisisJson.SitrepView edit(@PathVariable UUID id, @PathVariable int number, @RequestBody EditRequest request) {
        if (request.version() == null) {
            throw new IllegalArgumentException("version is required: the SITREP version your edit is based on");
        }
        CrisisId crisisId = new CrisisId(id);
        var current = sitreps.find(subject.get(), crisisId, number).sections();
        SitrepSections sections = new SitrepSections(or(request.situation(), current.situation()),
                or(request.incidents(), current.incidents()), or(request.tasks(), current.tasks()),
                or(request.rfis(), current.rfis()), or(request.decisions(), current.decisions()),
                or(request.outlook(), current.outlook()));
        return CrisisJson.SitrepView.of(sitreps.edit(subject.get(), crisisId, number, sections, request.version()));
    }

    @PostMapping("/{number:\\d+}/issue")
    CrisisJson.SitrepView issue(@PathVariable UUID id, @PathVariable int number) {
        return CrisisJson.SitrepView.of(sitreps.issue(subject.get(), new CrisisId(id), number));
    }

    @GetMapping("/{number:\\d+}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable int number) {
        return SitrepDownloads.pdf(sitreps.pdf(subject.get(), new CrisisId(id), number), number);
    }

    @GetMapping(path = "/{number:\\d+}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CrisisJson.SitrepView> json(@PathVariable UUID id, @PathVariable int number) {
        return SitrepDownloads.json(sitreps.export(subject.get(), new CrisisId(id), number));
    }

    private static String or(@Nullable String given, String current) {
        return given == null ? current : given;
    }
}
