package org.kalkan.training.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.FormErrors;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.training.Allocation;
import org.kalkan.training.Catalogue;
import org.kalkan.training.Course;
import org.kalkan.training.CourseQuery;
import org.kalkan.training.NominationId;
import org.kalkan.training.NominationStatus;
import org.kalkan.training.Outcome;
import org.kalkan.training.PersonId;
import org.kalkan.training.Personnel;
import org.kalkan.training.RosterEntry;
import org.kalkan.training.Session;
import org.kalkan.training.SessionDraft;
import org.kalkan.training.SessionId;
import org.kalkan.training.Sessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue with search and filters, a course with its sessions, and a session with its seats, quotas,
 * nominations and waiting list; the coordinator publishes, schedules, records results and allocates seats, a
 * nation's training manager nominates and withdraws its people.
 */
@Controller
class TrainingPages {

    private final Catalogue catalogue;
    private final Sessions sessions;
    private final Personnel personnel;
    private final MemberStates members;
    private final CurrentSubject subject;
    private final PageMarking marking;
    private final Clock clock;
    private final FormErrors errors;

    TrainingPages(Catalogue catalogue, Sessions sessions, Personnel personnel, MemberStates members,
            CurrentSubject subject, PageMarking marking, Clock clock, FormErrors errors) {
        this.errors = errors;
        this.catalogue = catalogue;
        this.sessions = sessions;
        this.personnel = personnel;
        this.members = members;
        this.subject = subject;
        this.marking = marking;
        this.clock = clock;
    }

    @GetMapping("/training")
    String catalogue(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String nation,
            @RequestParam(required = false) @Nullable String qualification, Model model) {
        Subject me = subject.get();
        List<Course> courses = catalogue.search(me, new CourseQuery(q, language, nation, qualification));
        courses.forEach(c -> marking.show(c.label()));
        List<Session> upcoming = sessions.list(me, null).stream()
                .filter(s -> !s.end().isBefore(today())).limit(20).toList();
        upcoming.forEach(s -> marking.show(s.label()));
        model.addAttribute("courses", courses);
        model.addAttribute("sessions", upcoming);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("language", language == null ? "" : language);
        model.addAttribute("nation", nation == null ? "" : nation);
        model.addAttribute("qualification", qualification == null ? "" : qualification);
        model.addAttribute("languages", List.of("en", "ru", "tr", "az", "kk", "ky", "uz"));
        model.addAttribute("nations", members.nations().stream().map(Nation::code).toList());
        model.addAttribute("classifications", Classification.values());
        model.addAttribute("myNation", me.nation().value());
        model.addAttribute("coordinator", me.has(Role.TRAINING_COORDINATOR));
        model.addAttribute("admin", me.has(Role.ADMIN) || me.has(Role.TRAINING_MANAGER)
                || me.has(Role.TRAINING_COORDINATOR));
        return "training/catalogue";
    }

    @PostMapping("/training/courses")
    String publish(@RequestParam Map<String, String> form,
            @RequestParam(name = "releasableTo", required = false) @Nullable List<String> releasableTo,
            RedirectAttributes redirect) {
        return PageForms.run("/training", "publish", redirect, errors, () -> {
            Subject me = subject.get();
            String profile = PageForms.blank(form, "languageProfile");
            String qualificationCode = PageForms.blank(form, "grants");
            String prerequisiteCourses = PageForms.blank(form, "prerequisiteCourses");
            String objectives = PageForms.blank(form, "objectives");
            var body = new TrainingJson.CourseBody(form.get("code"), form.get("title"),
                    objectives == null ? List.of() : objectives.lines().filter(l -> !l.isBlank()).toList(),
                    PageForms.blank(form, "deliveringNation"), PageForms.blank(form, "institution"),
                    PageForms.blank(form, "language"), null, form.get("minimumClearance"),
                    new TrainingJson.PrerequisitesBody(prerequisiteCourses == null ? List.of()
                            : List.of(prerequisiteCourses.split("[,\\s]+")), List.of(), profile == null ? null
                            : new TrainingJson.LanguageBody(PageForms.blank(form, "profileLanguage"), profile)),
                    qualificationCode == null ? null : new TrainingJson.GrantBody(qualificationCode,
                            PageForms.blank(form, "validFor"), PageForms.blank(form, "gracePeriod")),
                    TrainingJson.label(form.getOrDefault("classification", ""), PageForms.joined(releasableTo)),
                    null);
            catalogue.publish(me, body.toDraft(me.nation()));
            return "published";
        });
    }

    @GetMapping("/training/courses/{code}")
    String course(@PathVariable String code, Model model) {
        Subject me = subject.get();
        Course course = catalogue.find(me, code);
        marking.show(course.label());
        List<Session> list = sessions.list(me, course.code());
        list.forEach(s -> marking.show(s.label()));
        model.addAttribute("course", course);
        model.addAttribute("sessions", list);
        model.addAttribute("coordinator", me.has(Role.TRAINING_COORDINATOR));
        model.addAttribute("classifications", Classification.values());
        model.addAttribute("defaultStart", today().plusDays(60).toString());
        return "training/course";
    }

    @PostMapping("/training/courses/{code}/sessions")
    String schedule(@PathVariable String code, @RequestParam Map<String, String> form,
            @RequestParam(name = "releasableTo", required = false) @Nullable List<String> releasableTo,
            RedirectAttributes redirect) {
        return PageForms.run("/training/courses/" + code, "schedule", redirect, errors, () -> {
            Map<String, Integer> quotas = new TreeMap<>();
            String text = PageForms.blank(form, "quotas");
            if (text != null) {
                for (String part : text.split(",")) {
                    String[] pair = part.strip().split("[=:\\s]+");
                    if (pair.length != 2) {
                        throw new IllegalArgumentException("quotas: write them as AZE=4, TUR=2");
                    }
                    try {
                        quotas.put(pair[0].toUpperCase(Locale.ROOT), Integer.parseInt(pair[1]));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("quotas: " + pair[1] + " is not a number of seats");
                    }
                }
            }
            sessions.schedule(subject.get(), new SessionDraft(code,
                    Fields.required(Fields.date(form.get("start"), "start"), "start"),
                    Fields.required(Fields.date(form.get("end"), "end"), "end"), PageForms.blank(form, "place"),
                    PageForms.number(form, "seats"), quotas, Fields.date(form.get("nominationDeadline"),
                            "nominationDeadline"),
                    TrainingJson.label(form.getOrDefault("classification", ""), PageForms.joined(releasableTo))));
            return "scheduled";
        });
    }

    /** A row of the quota table: the nation's reserved seats, the seats it holds and its waiting nominations. */
    record QuotaRow(String nation, String quota, int held, int waiting) {
    }

    @GetMapping("/training/sessions/{id}")
    String session(@PathVariable UUID id, Model model) {
        Subject me = subject.get();
        Session session = sessions.find(me, new SessionId(id));
        marking.show(session.label());
        List<RosterEntry> roster = sessions.roster(me, session.id());
        roster.stream().filter(e -> e.personLabel() != null).forEach(e -> marking.show(e.personLabel()));
        Map<String, int[]> byNation = new TreeMap<>();
        session.quotas().keySet().forEach(n -> byNation.put(n, new int[2]));
        for (RosterEntry e : roster) {
            int[] counts = byNation.computeIfAbsent(e.nomination().nation().value(), n -> new int[2]);
            if (e.nomination().status() == NominationStatus.NOMINATED) {
                counts[0]++;
            } else if (e.nomination().status() == NominationStatus.WAITLISTED) {
                counts[1]++;
            }
        }
        List<QuotaRow> quotas = new ArrayList<>();
        byNation.forEach((nation, counts) -> quotas.add(new QuotaRow(nation,
                session.quotas().containsKey(nation) ? session.quotas().get(nation).toString()
                        : "open " + session.seating().openSeats(), counts[0], counts[1])));
        boolean manager = me.has(Role.TRAINING_MANAGER);
        model.addAttribute("trainingSession", session);
        model.addAttribute("seated", roster.stream()
                .filter(e -> e.nomination().status() == NominationStatus.NOMINATED).toList());
        model.addAttribute("waiting", roster.stream()
                .filter(e -> e.nomination().status() == NominationStatus.WAITLISTED).toList());
        model.addAttribute("others", roster.stream().filter(e -> !e.nomination().status().active()).toList());
        model.addAttribute("quotas", quotas);
        model.addAttribute("names", names(roster));
        model.addAttribute("coordinator", me.has(Role.TRAINING_COORDINATOR));
        model.addAttribute("manager", manager);
        model.addAttribute("myNation", me.nation().value());
        model.addAttribute("candidates", manager ? personnel.list(me, me.nation().value()) : List.of());
        model.addAttribute("takesResults", session.takesResultsOn(today()));
        model.addAttribute("open", session.acceptsNominationsOn(today()));
        return "training/session";
    }

    @PostMapping("/training/sessions/{id}/nominations")
    String nominate(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return PageForms.run("/training/sessions/" + id, "nominate", redirect, errors, () -> {
            var nomination = sessions.nominate(subject.get(), new SessionId(id),
                    new PersonId(Fields.uuid(form.get("personId"), "personId")),
                    PageForms.blank(form, "priority") == null ? null : PageForms.number(form, "priority"));
            return nomination.status() == NominationStatus.NOMINATED ? "nominated" : "waitlisted";
        });
    }

    @PostMapping("/training/sessions/{id}/nominations/{nomination}/withdrawal")
    String withdraw(@PathVariable UUID id, @PathVariable UUID nomination, RedirectAttributes redirect) {
        return PageForms.run("/training/sessions/" + id, "roster", redirect, errors, () -> {
            sessions.withdraw(subject.get(), new SessionId(id), new NominationId(nomination));
            return "withdrawn";
        });
    }

    @PostMapping("/training/sessions/{id}/results")
    String result(@PathVariable UUID id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return PageForms.run("/training/sessions/" + id, "roster", redirect, errors, () -> {
            sessions.recordResult(subject.get(), new SessionId(id),
                    new PersonId(Fields.uuid(form.get("personId"), "personId")),
                    Fields.enumOf(Outcome.class, form.get("outcome"), "outcome"));
            return "recorded";
        });
    }

    @PostMapping("/training/sessions/{id}/allocation")
    String allocate(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean apply,
            RedirectAttributes redirect) {
        return PageForms.run("/training/sessions/" + id, "allocation", redirect, errors, () -> {
            Allocation allocation = sessions.allocate(subject.get(), new SessionId(id), apply);
            redirect.addFlashAttribute("allocation", allocation);
            return apply ? "allocated" : "computed";
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Names for the allocation table: the nominations the reader sees by name. */
    static Map<UUID, String> names(List<RosterEntry> roster) {
        Map<UUID, String> names = new HashMap<>();
        roster.stream().filter(e -> e.name() != null).forEach(e -> names.put(e.nomination().id().value(),
                e.name()));
        return names;
    }

    @Configuration
    static class Navigation {

        @Bean
        NavigationEntry trainingNavigation() {
            return new NavigationEntry("nav.training", "/training", 700, null);
        }
    }
}
