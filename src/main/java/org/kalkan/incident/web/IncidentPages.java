package org.kalkan.incident.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.Confidence;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentId;
import org.kalkan.incident.IncidentQuery;
import org.kalkan.incident.IncidentReferences;
import org.kalkan.incident.IncidentStatus;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.incident.Incidents;
import org.kalkan.incident.NewReport;
import org.kalkan.incident.ReportId;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.FormErrors;
import org.kalkan.platform.PageMarking;
import org.kalkan.shared.DomainException;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The report form, the incident list and the incident page with its status, merge and split actions. */
@Controller
class IncidentPages {

    /** Who may file a report (as {@code Incidents} decides). */
    private static final List<Role> REPORTERS = List.of(Role.REPORTING_OFFICER, Role.WATCH_OFFICER,
            Role.CRISIS_MANAGER, Role.EXERCISE_DIRECTOR);

    private final Incidents incidents;
    private final CurrentSubject current;
    private final MemberStates members;
    private final PageMarking marking;
    private final IncidentReferences references;
    private final FormErrors errors;

    IncidentPages(Incidents incidents, CurrentSubject current, MemberStates members, PageMarking marking,
            IncidentReferences references, FormErrors errors) {
        this.incidents = incidents;
        this.references = references;
        this.errors = errors;
        this.current = current;
        this.members = members;
        this.marking = marking;
    }

    @GetMapping("/incidents")
    String list(@RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String status, Model model) {
        IncidentQuery query = new IncidentQuery(null, null, null, filter(IncidentCategory.class, category, "category"),
                filter(IncidentStatus.class, status, "status"), 200, null);
        List<IncidentSummary> items = incidents.search(current.get(), query).items();
        items.forEach(i -> marking.show(i.label()));
        model.addAttribute("incidents", items);
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute("statuses", IncidentStatus.values());
        model.addAttribute("category", category);
        model.addAttribute("status", status);
        model.addAttribute("canReport", REPORTERS.stream().anyMatch(current.get()::has));
        return "incidents";
    }

    /** The report form; {@code lat} and {@code lon} come from "report here" on the map. */
    @GetMapping("/incidents/new")
    String form(@RequestParam(required = false) @Nullable Double lat, @RequestParam(required = false) @Nullable Double lon,
            Model model) {
        Subject subject = current.get();
        model.addAttribute("form", ReportForm.blank(subject.nation().value(),
                Instant.now().truncatedTo(ChronoUnit.MINUTES)).at(lat, lon));
        return formView(model, subject);
    }

    @PostMapping("/incidents")
    String file(ReportForm form, Model model, RedirectAttributes redirect) {
        Subject subject = current.get();
        try {
            var filed = incidents.report(subject, form.toNewReport());
            redirect.addFlashAttribute("filed", filed.id().toString());
            return "redirect:/incidents/" + filed.incidentId();
        } catch (IllegalArgumentException | ErrorResponseException | DomainException e) {
            model.addAttribute("error", errors.message(e));
        }
        model.addAttribute("form", form);
        return formView(model, subject);
    }

    @GetMapping("/incidents/{id}")
    String incident(@PathVariable UUID id, Model model) {
        Subject subject = current.get();
        IncidentSummary incident = incidents.find(subject, new IncidentId(id));
        var reports = incidents.reports(subject, incident.id());
        marking.show(incident.label());
        reports.forEach(r -> marking.show(r.label()));
        model.addAttribute("incident", incident);
        model.addAttribute("reports", reports);
        model.addAttribute("next", incident.status().next());
        model.addAttribute("history", incidents.history(subject, incident.id()));
        model.addAttribute("mergedInto", incidents.mergedInto(subject, incident.id()).orElse(null));
        model.addAttribute("manager", subject.has(Role.WATCH_OFFICER) || subject.has(Role.CRISIS_MANAGER));
        return "incident";
    }

    @PostMapping("/incidents/{id}/status")
    String status(@PathVariable UUID id, @RequestParam String status, @RequestParam int version,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> incidents.changeStatus(current.get(), new IncidentId(id),
                IncidentStatus.valueOf(status), version));
    }

    @PostMapping("/incidents/{id}/merge")
    String merge(@PathVariable UUID id, @RequestParam String others, RedirectAttributes redirect) {
        Subject subject = current.get();
        return act(id, redirect, () -> incidents.merge(subject, new IncidentId(id),
                Arrays.stream(others.split("[\\s,]+")).filter(s -> !s.isBlank())
                        .map(s -> references.resolve(subject, s).id()).toList()));
    }

    @PostMapping("/reports/{reportId}/split")
    String split(@PathVariable UUID reportId, @RequestParam UUID incidentId, RedirectAttributes redirect) {
        try {
            IncidentSummary created = incidents.reattach(current.get(), new ReportId(reportId), null);
            return "redirect:/incidents/" + created.id();
        } catch (IllegalArgumentException | ErrorResponseException | DomainException e) {
            redirect.addFlashAttribute("error", errors.message(e));
            return "redirect:/incidents/" + incidentId;
        }
    }

    private String act(UUID id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | ErrorResponseException | DomainException e) {
            redirect.addFlashAttribute("error", errors.message(e));
        }
        return "redirect:/incidents/" + id;
    }

    /** A list filter: empty is none; an unknown value is refused (400) by name, never a 500. */
    private static <E extends Enum<E>> @Nullable E filter(Class<E> type, @Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ReportRequest.parse(type, value, field);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(List.of(new InvalidInputException.Violation(field,
                    String.valueOf(e.getMessage()))));
        }
    }

    private String formView(Model model, Subject subject) {
        model.addAttribute("categories", IncidentCategory.values());
        model.addAttribute("confidences", Confidence.values());
        model.addAttribute("classifications", Arrays.stream(Classification.values())
                .filter(c -> subject.clearance().dominates(c)).toList());
        model.addAttribute("communities", members.communities().stream().map(c -> c.name()).sorted().toList());
        model.addAttribute("nations", members.nations().stream().map(Nation::code).map(Object::toString).toList());
        return "report-form";
    }

    /** The report form's fields, as typed. Times are UTC. */
    record ReportForm(@Nullable String category, @Nullable String title, @Nullable String narrative,
            @Nullable String observedAt, @Nullable String lat, @Nullable String lon, @Nullable String mgrs,
            @Nullable Integer severity, @Nullable String confidence, @Nullable String classification,
            @Nullable List<String> releasableTo) {

        static ReportForm blank(String nation, Instant now) {
            return new ReportForm(null, "", "", LocalDateTime.ofInstant(now, ZoneOffset.UTC).toString(), "", "", "",
                    3, "PROBABLE", "RESTRICTED", List.of(nation));
        }

        /** The blank form at a position picked on the map (both given and valid), with its MGRS reference. */
        ReportForm at(@Nullable Double latitude, @Nullable Double longitude) {
            if (latitude == null || longitude == null) {
                return this;
            }
            try {
                GeoPoint point = new GeoPoint(latitude, longitude);
                return new ReportForm(category, title, narrative, observedAt, String.format(java.util.Locale.ROOT,
                        "%.5f", point.lat()), String.format(java.util.Locale.ROOT, "%.5f", point.lon()), point.mgrs(),
                        severity, confidence, classification, releasableTo);
            } catch (IllegalArgumentException outOfRange) {
                return this;
            }
        }

        public boolean releasedTo(String entry) {
            return releasableTo != null && releasableTo.contains(entry);
        }

        NewReport toNewReport() {
            GeoPoint location;
            if (mgrs != null && !mgrs.isBlank()) {
                location = GeoPoint.fromMgrs(mgrs);
            } else {
                location = new GeoPoint(number(lat, "latitude"), number(lon, "longitude"));
            }
            if (releasableTo == null || releasableTo.isEmpty()) {
                throw new IllegalArgumentException("Choose at least one nation or community to release the report to.");
            }
            Classification level = Classification.parse(classification == null ? "" : classification)
                    .orElseThrow(() -> new IllegalArgumentException("Choose a classification."));
            return new NewReport(ReportRequest.parse(IncidentCategory.class, category, "category"),
                    title == null ? "" : title,
                    narrative == null ? "" : narrative, utc(observedAt), location, null,
                    severity == null ? 0 : severity, ReportRequest.parse(Confidence.class, confidence, "confidence"),
                    new SecurityLabel(level, new TreeSet<>(releasableTo)), null, "FORM");
        }

        private static double number(@Nullable String value, String name) {
            try {
                return Double.parseDouble(value == null ? "" : value.trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Give the " + name + " in decimal degrees, or an MGRS reference.");
            }
        }

        private static Instant utc(@Nullable String value) {
            try {
                return LocalDateTime.parse(value == null ? "" : value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Give the observed time as a UTC date and time.");
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry incidentsNavigation() {
            return new NavigationEntry("nav.incidents", "/incidents", 100, null);
        }

        @Bean
        NavigationEntry reportNavigation() {
            // Offered to those who may file a report (Incidents: reporters), not to observers only to be refused.
            return NavigationEntry.forAny("nav.report", "/incidents/new", 110,
                    Role.authorities(REPORTERS.toArray(Role[]::new)));
        }
    }
}
