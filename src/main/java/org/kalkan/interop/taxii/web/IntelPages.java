package org.kalkan.interop.taxii.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.FiledReport;
import org.kalkan.interop.taxii.Intel;
import org.kalkan.interop.taxii.IntelBrowser;
import org.kalkan.interop.taxii.IntelReports;
import org.kalkan.interop.taxii.StixEntry;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.RefusedException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intel collection for people: objects by type with their markings, one object with its relationships,
 * versions and exports, the caller's recent submissions, and — for watch officers — turning a located sighting or
 * indicator into a report.
 */
@Controller
class IntelPages {

    static final String PATH = "/cti";
    private static final int SHOWN = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntelBrowser browser;
    private final Intel intel;
    private final IntelReports reports;
    private final CurrentSubject subject;
    private final PageMarking marking;

    IntelPages(IntelBrowser browser, Intel intel, IntelReports reports,
            CurrentSubject subject, PageMarking marking) {
        this.browser = browser;
        this.intel = intel;
        this.reports = reports;
        this.subject = subject;
        this.marking = marking;
    }

    @GetMapping(PATH)
    String collection(@RequestParam(required = false) @Nullable String type, Model model) {
        Subject caller = subject.get();
        String chosen = type == null || type.isBlank() ? null : type.trim();
        List<StixEntry> entries = browser.newest(caller, chosen, SHOWN);
        entries.forEach(e -> marking.show(e.label()));
        var submissions = intel.recentSubmissions(caller, 10);
        model.addAttribute("type", chosen);
        model.addAttribute("counts", browser.typeCounts(caller));
        model.addAttribute("entries", entries);
        model.addAttribute("submissions", submissions);
        return "cti/intel";
    }

    @GetMapping(PATH + "/objects/{id}")
    String object(@PathVariable String id, Model model) {
        Subject caller = subject.get();
        StixEntry entry = browser.latest(caller, id);
        List<StixEntry> versions = browser.versions(caller, id);
        List<StixEntry> referencing = browser.referencing(caller, id);
        Set<String> mentioned = new LinkedHashSet<>();
        entry.object().properties().forEach(p -> collectRefs(p.getKey(), p.getValue(), mentioned));
        mentioned.remove(id);
        List<StixEntry> referenced = browser.referenced(caller, new ArrayList<>(mentioned));
        marking.show(entry.label());
        versions.forEach(v -> marking.show(v.label()));
        referencing.forEach(r -> marking.show(r.label()));
        referenced.forEach(r -> marking.show(r.label()));
        model.addAttribute("entry", entry);
        model.addAttribute("versions", versions);
        model.addAttribute("referencing", referencing.stream().map(r -> new Related(r, relation(r))).toList());
        model.addAttribute("referenced", referenced);
        model.addAttribute("json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entry.object()));
        var located = caller.has(Role.WATCH_OFFICER) ? reports.located(caller, entry) : java.util.Optional.empty();
        model.addAttribute("located", located.orElse(null));
        return "cti/object";
    }

    @PostMapping(PATH + "/objects/{id}/report")
    String report(@PathVariable String id, RedirectAttributes redirect) {
        try {
            FiledReport report = reports.report(subject.get(), id);
            redirect.addFlashAttribute("filed", true);
            return "redirect:/incidents/" + report.incidentId();
        } catch (RefusedException e) {
            redirect.addFlashAttribute("refused", e.detail());
            return "redirect:" + PATH + "/objects/" + id;
        }
    }

    private static void collectRefs(String name, tools.jackson.databind.JsonNode value, Set<String> refs) {
        if (name.equals("object_marking_refs")) {
            return;
        }
        if (name.endsWith("_ref") && value.isString()) {
            refs.add(value.asString());
        } else if (name.endsWith("_refs") && value.isArray()) {
            value.forEach(v -> refs.add(v.stringValue("")));
        }
    }

    /** An object that refers to the one shown, and how (for the relationships table). */
    record Related(StixEntry entry, String relation) {
    }

    /** A short description of a relationship or sighting for the related-objects list. */
    static String relation(StixEntry entry) {
        Map<String, String> kinds = Map.of("relationship", "relationship_type", "sighting", "sighting_of_ref");
        String property = kinds.get(entry.type());
        return property == null ? entry.type() : entry.type() + ": " + entry.object().path(property).stringValue("");
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry intelNavigation() {
            // Cyber threat intelligence is for the national CERTs and the watch and crisis staff who act on it.
            return NavigationEntry.forAny("nav.cti", PATH, 780,
                    Role.authorities(Role.CERT, Role.WATCH_OFFICER, Role.CRISIS_MANAGER));
        }
    }
}
