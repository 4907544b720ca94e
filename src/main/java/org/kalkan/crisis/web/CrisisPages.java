package org.kalkan.crisis.web;

import org.kalkan.security.LabelAccessDeniedException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.Crises;
import org.kalkan.crisis.Crisis;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisLog;
import org.kalkan.crisis.CrisisRfis;
import org.kalkan.crisis.CrisisTasks;
import org.kalkan.crisis.CrisisTeam;
import org.kalkan.crisis.NewCrisis;
import org.kalkan.crisis.Sitreps;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.Incidents;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The crisis list, opening a crisis, the crisis room, and the SITREP downloads for signed-in people. */
@Controller
class CrisisPages {

    private final Crises crises;
    private final CrisisLog log;
    private final CrisisTasks tasks;
    private final CrisisRfis rfis;
    private final Sitreps sitreps;
    private final Incidents incidents;
    private final CurrentSubject subject;
    private final PageMarking marking;
    private final FormResults forms;

    CrisisPages(Crises crises, CrisisLog log, CrisisTasks tasks, CrisisRfis rfis, Sitreps sitreps, Incidents incidents,
            CurrentSubject subject, PageMarking marking, FormResults forms) {
        this.forms = forms;
        this.crises = crises;
        this.log = log;
        this.tasks = tasks;
        this.rfis = rfis;
        this.sitreps = sitreps;
        this.incidents = incidents;
        this.subject = subject;
        this.marking = marking;
    }

    @GetMapping("/crises")
    String list(Model model) {
        Subject me = subject.get();
        List<Crisis> list = crises.list(me, 200);
        list.forEach(c -> marking.show(c.label()));
        model.addAttribute("crises", list);
        model.addAttribute("canOpen", me.has(Role.CRISIS_MANAGER));
        model.addAttribute("classifications", Classification.values());
        return "crisis/list";
    }

    @PostMapping("/crises")
    String open(@RequestParam String title, @RequestParam String classification, @RequestParam String releasableTo,
            @RequestParam(required = false) @Nullable String incidentIds,
            @RequestParam(required = false) @Nullable String teamUsers,
            @RequestParam(required = false) @Nullable String teamNations,
            @RequestParam(required = false) @Nullable String sitrepEvery, RedirectAttributes redirect) {
        try {
            List<IncidentId> attached = FormResults.list(incidentIds).stream()
                    .map(i -> new IncidentId(Inputs.uuid(i, "incidentIds"))).toList();
            CrisisTeam team = CrisisTeam.of(new TreeSet<>(FormResults.list(teamUsers)),
                    new TreeSet<>(Inputs.nations(FormResults.list(teamNations), "teamNations")));
            Crisis crisis = crises.open(subject.get(), new NewCrisis(title, FormResults.label(classification,
                    releasableTo), attached, team, Inputs.duration(sitrepEvery, "sitrepEvery")));
            return "redirect:/crises/" + crisis.id();
        } catch (IllegalArgumentException | DomainException e) {
            return forms.refused("/crises", "open", redirect, e);
        }
    }

    @GetMapping("/crises/{id}")
    String room(@PathVariable UUID id, Model model) {
        Subject me = subject.get();
        CrisisId crisisId = new CrisisId(id);
        Crisis crisis = crises.find(me, crisisId);
        marking.show(crisis.label());
        var entries = log.entries(me, crisisId, CrisisLog.DEFAULT_LIMIT);
        var taskList = tasks.list(me, crisisId);
        var rfiList = rfis.list(me, crisisId);
        var sitrepList = sitreps.list(me, crisisId);
        List<IncidentSummary> attached = readableIncidents(me, crisis);
        entries.forEach(e -> marking.show(e.label()));
        taskList.forEach(t -> marking.show(t.label()));
        rfiList.forEach(r -> {
            marking.show(r.label());
            r.answers().forEach(a -> marking.show(a.label()));
        });
        sitrepList.forEach(s -> marking.show(s.label()));
        attached.forEach(i -> marking.show(i.label()));
        model.addAttribute("crisis", crisis);
        model.addAttribute("entries", entries);
        model.addAttribute("tasks", taskList);
        model.addAttribute("rfis", rfiList);
        model.addAttribute("sitreps", sitrepList);
        model.addAttribute("hasDraft", sitrepList.stream().anyMatch(s -> !s.issued()));
        java.util.Map<Integer, java.time.Instant> changed = new java.util.HashMap<>();
        sitrepList.forEach(s -> sitreps.changedSince(me, s).ifPresent(at -> changed.put(s.number(), at)));
        model.addAttribute("sitrepChanged", changed);
        model.addAttribute("incidents", attached);
        model.addAttribute("myNation", me.nation());
        model.addAttribute("canManage", me.has(Role.CRISIS_MANAGER));
        model.addAttribute("isStaff", me.has(Role.CRISIS_MANAGER) || me.has(Role.WATCH_OFFICER));
        model.addAttribute("canAct", !me.has(Role.OBSERVER));
        model.addAttribute("classifications", Classification.values());
        model.addAttribute("taskStatuses", org.kalkan.crisis.TaskStatus.values());
        model.addAttribute("ownerKinds", org.kalkan.crisis.TaskOwner.Kind.values());
        return "crisis/room";
    }

    @GetMapping("/crises/{id}/sitreps/{number:\\d+}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable int number) {
        return SitrepDownloads.pdf(sitreps.pdf(subject.get(), new CrisisId(id), number), number);
    }

    @GetMapping(path = "/crises/{id}/sitreps/{number:\\d+}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CrisisJson.SitrepView> json(@PathVariable UUID id, @PathVariable int number) {
        return SitrepDownloads.json(sitreps.export(subject.get(), new CrisisId(id), number));
    }

    /** Attached incidents the viewer may read; the others are left out of their view. */
    private List<IncidentSummary> readableIncidents(Subject me, Crisis crisis) {
        List<IncidentSummary> readable = new ArrayList<>();
        for (IncidentId incident : crisis.incidentIds()) {
            try {
                readable.add(incidents.find(me, incident));
            } catch (NotFoundException | LabelAccessDeniedException notReadable) {
                // not shown: the viewer may not read it (the refusal is audited by the incident module)
            }
        }
        return readable;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry crisisNavigation() {
            return NavigationEntry.forAny("nav.crises", "/crises", 300, Role.authoritiesExcept(Role.CERT,
                    Role.CAP_SOURCE, Role.TRAINING_COORDINATOR, Role.PROGRAMME_MANAGER));
        }

        @Bean
        NavigationEntry alertLevelNavigation() {
            return new NavigationEntry("nav.alertLevels", "/alert-levels", 310, null);
        }
    }
}
