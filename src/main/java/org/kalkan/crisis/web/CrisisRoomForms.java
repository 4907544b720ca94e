package org.kalkan.crisis.web;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.Crises;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisLog;
import org.kalkan.crisis.CrisisPhase;
import org.kalkan.crisis.CrisisTeam;
import org.kalkan.crisis.SitrepSections;
import org.kalkan.crisis.Sitreps;
import org.kalkan.incident.IncidentId;
import org.kalkan.security.CurrentSubject;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The crisis room's forms for phase, log, team, incidents and SITREPs; each redirects back to the room. */
@Controller
@RequestMapping("/crises/{id}")
class CrisisRoomForms {

    private final Crises crises;
    private final CrisisLog log;
    private final Sitreps sitreps;
    private final CurrentSubject subject;
    private final FormResults forms;

    CrisisRoomForms(Crises crises, CrisisLog log, Sitreps sitreps, CurrentSubject subject, FormResults forms) {
        this.forms = forms;
        this.crises = crises;
        this.log = log;
        this.sitreps = sitreps;
        this.subject = subject;
    }

    @PostMapping("/phase")
    String phase(@PathVariable UUID id, @RequestParam String phase, @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return forms.run(room(id), "phase", redirect, () -> crises.changePhase(subject.get(), new CrisisId(id),
                Inputs.enumValue(CrisisPhase.class, phase, "phase"), reason));
    }

    @PostMapping("/schedule")
    String schedule(@PathVariable UUID id, @RequestParam(required = false) @Nullable String sitrepEvery,
            RedirectAttributes redirect) {
        return forms.run(room(id), "phase", redirect, () -> crises.scheduleSitreps(subject.get(),
                new CrisisId(id), Inputs.duration(sitrepEvery, "sitrepEvery")));
    }

    @PostMapping("/log")
    String note(@PathVariable UUID id, @RequestParam String text, @RequestParam String classification,
            @RequestParam String releasableTo, @RequestParam(required = false) @Nullable String corrects,
            RedirectAttributes redirect) {
        return forms.run(room(id), "log", redirect, () -> log.write(subject.get(), new CrisisId(id), text,
                FormResults.label(classification, releasableTo),
                corrects == null || corrects.isBlank() ? null : Inputs.uuid(corrects, "corrects")));
    }

    @PostMapping("/team")
    String team(@PathVariable UUID id, @RequestParam(required = false) @Nullable String users,
            @RequestParam(required = false) @Nullable String nations, RedirectAttributes redirect) {
        return forms.run(room(id), "team", redirect, () -> crises.addToTeam(subject.get(), new CrisisId(id),
                CrisisTeam.of(new TreeSet<>(FormResults.list(users)),
                        Set.copyOf(Inputs.nations(FormResults.list(nations), "nations")))));
    }

    @PostMapping("/incidents")
    String attach(@PathVariable UUID id, @RequestParam String incidentId, RedirectAttributes redirect) {
        return forms.run(room(id), "incidents", redirect, () -> crises.attach(subject.get(), new CrisisId(id),
                new IncidentId(Inputs.uuid(incidentId, "incidentId"))));
    }

    @PostMapping("/sitreps")
    String prepare(@PathVariable UUID id, RedirectAttributes redirect) {
        return forms.run(room(id), "sitreps", redirect, () -> sitreps.prepare(subject.get(), new CrisisId(id),
                null));
    }

    @PostMapping("/sitreps/{number:\\d+}")
    String edit(@PathVariable UUID id, @PathVariable int number, @RequestParam String situation,
            @RequestParam String incidents, @RequestParam String tasks, @RequestParam String rfis,
            @RequestParam String decisions, @RequestParam String outlook, @RequestParam int version,
            RedirectAttributes redirect) {
        return forms.run(room(id), "sitreps", redirect, () -> sitreps.edit(subject.get(), new CrisisId(id), number,
                new SitrepSections(situation, incidents, tasks, rfis, decisions, outlook), version));
    }

    @PostMapping("/sitreps/{number:\\d+}/refresh")
    String refresh(@PathVariable UUID id, @PathVariable int number, @RequestParam int version,
            RedirectAttributes redirect) {
        return forms.run(room(id), "sitreps", redirect, () -> sitreps.refresh(subject.get(), new CrisisId(id),
                number, version));
    }

    @PostMapping("/sitreps/{number:\\d+}/issue")
    String issue(@PathVariable UUID id, @PathVariable int number, RedirectAttributes redirect) {
        return forms.run(room(id), "sitreps", redirect, () -> sitreps.issue(subject.get(), new CrisisId(id),
                number));
    }

    static String room(UUID id) {
        return "/crises/" + id;
    }
}
