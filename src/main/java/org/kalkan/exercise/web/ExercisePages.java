package org.kalkan.exercise.web;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.Evaluation;
import org.kalkan.exercise.Evaluations;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExerciseClocks;
import org.kalkan.exercise.ExercisePlan;
import org.kalkan.exercise.Exercises;
import org.kalkan.exercise.Inject;
import org.kalkan.exercise.InjectStatus;
import org.kalkan.exercise.LessonStatus;
import org.kalkan.exercise.Lessons;
import org.kalkan.exercise.Msel;
import org.kalkan.exercise.StartCondition;
import org.kalkan.exercise.internal.InjectContent;
import org.kalkan.exercise.internal.InjectCsv;
import org.kalkan.exercise.internal.InjectRequest;
import org.kalkan.platform.Durations;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.FormErrors;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exercise pages: list and plan, the MSEL with its timeline and the EXCON console (refreshed by htmx), the
 * evaluation with observations and the AAR, lessons learned, and the context switcher that sets the session's
 * exercise ({@link CurrentSubject#SESSION_EXERCISE}). Forms post and redirect back; a refusal is shown where the
 * form is, and nothing was stored.
 */
@Controller
class ExercisePages {

    private final Exercises exercises;
    private final Msel msel;
    private final ExerciseClocks clocks;
    private final Evaluations evaluations;
    private final Lessons lessons;
    private final CurrentSubject currentSubject;
    private final PageMarking marking;
    private final AuditTrail audit;
    private final FormErrors errors;

    ExercisePages(Exercises exercises, Msel msel, ExerciseClocks clocks, Evaluations evaluations, Lessons lessons,
            CurrentSubject currentSubject, PageMarking marking, AuditTrail audit, FormErrors errors) {
        this.errors = errors;
        this.audit = audit;
        this.exercises = exercises;
        this.msel = msel;
        this.clocks = clocks;
        this.evaluations = evaluations;
        this.lessons = lessons;
        this.currentSubject = currentSubject;
        this.marking = marking;
    }

    @GetMapping("/exercises")
    String list(Model model) {
        Subject me = me();
        List<Exercise> list = exercises.list(me);
        list.forEach(x -> marking.show(x.label()));
        model.addAttribute("exercises", list);
        model.addAttribute("canPlan", me.has(Role.EXERCISE_DIRECTOR));
        model.addAttribute("classifications", Classification.values());
        model.addAttribute("now", clocks.now());
        return "exercise/list";
    }

    @PostMapping("/exercises")
    String plan(@RequestParam String name, @RequestParam(required = false) @Nullable String startsOn,
            @RequestParam(required = false) @Nullable String endsOn, @RequestParam String trainingAudience,
            @RequestParam(required = false) @Nullable String exconUsers,
            @RequestParam(required = false) @Nullable String evaluatorUsers,
            @RequestParam(required = false) @Nullable String objectives,
            @RequestParam(required = false) @Nullable String phases, @RequestParam String classification,
            @RequestParam String releasableTo, RedirectAttributes redirect) {
        UUID[] created = new UUID[1];
        String back = run("/exercises", "plan", redirect, () -> created[0] = exercises.plan(me(),
                new ExercisePlan(name, ExerciseJson.date(startsOn, "startsOn"), ExerciseJson.date(endsOn, "endsOn"),
                        words(trainingAudience), words(exconUsers), words(evaluatorUsers), lines(objectives),
                        lines(phases), List.of(), label(classification, releasableTo))).id());
        return created[0] == null ? back : "redirect:/exercises/" + created[0];
    }

    @GetMapping("/exercises/{id}")
    String exercise(@PathVariable UUID id, Model model) {
        Subject me = me();
        Exercise exercise = exercises.find(me, id);
        marking.show(exercise.label());
        model.addAttribute("exercise", exercise);
        model.addAttribute("now", clocks.now());
        boolean staff = me.has(Role.EXERCISE_DIRECTOR) || exercise.isEvaluator(me.username());
        model.addAttribute("staff", staff);
        model.addAttribute("excon", me.has(Role.EXERCISE_DIRECTOR) || exercise.isExcon(me.username()));
        model.addAttribute("director", me.has(Role.EXERCISE_DIRECTOR));
        List<Inject> injects = staff ? msel.list(me, id) : List.of();
        // The page shows each inject's label, and the content of those its reader may read: the banner covers them.
        injects.stream().filter(i -> !i.contentWithheld()).forEach(i -> marking.show(i.label()));
        model.addAttribute("injects", injects);
        model.addAttribute("timeline", Timeline.of(injects));
        model.addAttribute("upcoming", injects.stream().filter(i -> i.status() == InjectStatus.SCHEDULED
                || i.status() == InjectStatus.PLANNED).limit(12).toList());
        model.addAttribute("exerciseTime", Durations.clock(exercise.clock().elapsed(clocks.now())));
        model.addAttribute("csvHeader", String.join(",", InjectCsv.HEADER));
        return "exercise/exercise";
    }

    @PostMapping("/exercises/{id}/clock")
    String clock(@PathVariable UUID id, @RequestParam String action,
            @RequestParam(required = false) @Nullable String rate, RedirectAttributes redirect) {
        return run("/exercises/" + id, "console", redirect, () -> clocks.act(me(), id,
                ExerciseJson.enumOf(ExerciseClocks.Action.class, action, "action"),
                rate == null || rate.isBlank() ? null : number(rate)));
    }

    @PostMapping("/exercises/{id}/injects/{number}/actions")
    String injectAction(@PathVariable UUID id, @PathVariable int number, @RequestParam String action,
            @RequestParam(required = false) @Nullable String by, RedirectAttributes redirect) {
        return run("/exercises/" + id, "console", redirect, () -> msel.act(me(), id, number,
                ExerciseJson.enumOf(Msel.Action.class, action, "action"),
                by == null || by.isBlank() ? null : InjectContent.duration(by, "by")));
    }

    @PostMapping("/exercises/{id}/injects")
    String addInject(@PathVariable UUID id, @RequestParam int number, @RequestParam String at,
            @RequestParam(required = false) @Nullable String start,
            @RequestParam(required = false) @Nullable Integer after, @RequestParam String kind,
            @RequestParam String from, @RequestParam String to, @RequestParam String expectedAction,
            @RequestParam(required = false) @Nullable String objective,
            @RequestParam(required = false) @Nullable Integer contingency,
            @RequestParam(required = false) @Nullable String deadline, @RequestParam String content,
            RedirectAttributes redirect) {
        return run("/exercises/" + id, "msel", redirect, () -> msel.add(me(), id, new InjectRequest(number, at,
                start, after, kind, from, words(to), expectedAction, objective, contingency,
                deadline == null || deadline.isBlank() ? null : deadline, InjectContent.parse(content))
                .toNewInject()));
    }

    @PostMapping("/exercises/{id}/injects/import")
    String importCsv(@PathVariable UUID id, @RequestParam String csv, RedirectAttributes redirect) {
        return run("/exercises/" + id, "msel", redirect, () -> {
            try {
                InjectCsv.Parsed parsed = InjectCsv.parse(csv);
                msel.importAll(me(), id, parsed.rows(), parsed.errors());
            } catch (Msel.ImportRefused e) {
                throw new IllegalArgumentException(e.getMessage() + ": " + String.join("; ", e.errors().stream()
                        .map(r -> "row " + r.row() + ": " + r.message()).toList()));
            }
        });
    }

    @GetMapping(path = "/exercises/{id}/msel.csv", produces = "text/csv")
    ResponseEntity<String> exportCsv(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"msel.csv\"")
                .body(InjectCsv.write(msel.list(me(), id)));
    }

    @GetMapping("/exercises/{id}/evaluation")
    String evaluation(@PathVariable UUID id, Model model) {
        Evaluation evaluation = evaluations.evaluate(me(), id);
        marking.show(evaluation.exercise().label());
        model.addAttribute("exercise", evaluation.exercise());
        model.addAttribute("evaluation", evaluation);
        return "exercise/evaluation";
    }

    @PostMapping("/exercises/{id}/observations")
    String observe(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer inject,
            @RequestParam(required = false) @Nullable String objective, @RequestParam String text,
            RedirectAttributes redirect) {
        return run("/exercises/" + id + "/evaluation", "observations", redirect,
                () -> evaluations.observe(me(), id, inject, objective, text));
    }

    @PostMapping("/exercises/{id}/observations/{observation}/lesson")
    String lesson(@PathVariable UUID id, @PathVariable UUID observation, RedirectAttributes redirect) {
        return run("/exercises/" + id + "/evaluation", "observations", redirect,
                () -> lessons.fromObservation(me(), observation, null));
    }

    @GetMapping("/exercises/{id}/aar.pdf")
    ResponseEntity<byte[]> aarPdf(@PathVariable UUID id) {
        return ExercisesApi.pdf(evaluations.afterActionPdf(me(), id), id);
    }

    @GetMapping(path = "/exercises/{id}/aar.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExerciseJson.EvaluationJson> aarJson(@PathVariable UUID id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"aar-" + id
                + ".json\"").body(ExerciseJson.EvaluationJson.of(evaluations.evaluate(me(), id)));
    }

    @GetMapping("/lessons")
    String lessons(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status, Model model) {
        LessonStatus wanted = status == null || status.isBlank() ? null
                : ExerciseJson.enumOf(LessonStatus.class, status, "status");
        var found = lessons.search(me(), q, wanted);
        found.forEach(l -> marking.show(l.label()));
        model.addAttribute("lessons", found);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", LessonStatus.values());
        return "exercise/lessons";
    }

    @PostMapping("/lessons/{id}/status")
    String advance(@PathVariable UUID id, @RequestParam String status,
            @RequestParam(required = false) @Nullable String remedialAction,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(required = false) @Nullable String dueOn, @RequestParam int version,
            RedirectAttributes redirect) {
        return run("/lessons", "lesson-" + id, redirect, () -> lessons.advance(me(), id,
                ExerciseJson.enumOf(LessonStatus.class, status, "status"), remedialAction, owner,
                ExerciseJson.date(dueOn, "dueOn"), version));
    }

    /** The context switcher: the real world, or one of the exercises the user may enter. */
    @GetMapping("/exercise-context")
    String context(HttpSession session, Model model) {
        Subject me = me();
        List<Exercise> enterable = exercises.enterable(me);
        enterable.forEach(x -> marking.show(x.label()));
        model.addAttribute("enterable", enterable);
        model.addAttribute("current", session.getAttribute(CurrentSubject.SESSION_EXERCISE));
        return "exercise/context";
    }

    @PostMapping("/exercise-context")
    String switchContext(@RequestParam(required = false) @Nullable String exercise, HttpSession session,
            RedirectAttributes redirect) {
        if (exercise == null || exercise.isBlank()) {
            session.removeAttribute(CurrentSubject.SESSION_EXERCISE);
            audit.record(me().username(), "EXERCISE_CONTEXT_CHOSEN", "real-world", "");
            return "redirect:/exercise-context";
        }
        return run("/exercise-context", "context", redirect, () -> {
            UUID id = uuid(exercise);
            if (exercises.enterable(me()).stream().noneMatch(x -> x.id().equals(id))) {
                throw new ForbiddenException("You do not take part in that exercise.");
            }
            session.setAttribute(CurrentSubject.SESSION_EXERCISE, id);
            audit.record(me().username(), "EXERCISE_CONTEXT_CHOSEN", "exercise:" + id, "");
        });
    }

    /** Runs a form action, then back to the page's section; a refusal's detail is shown there. */
    private String run(String page, String section, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", section);
        } catch (IllegalArgumentException | org.kalkan.shared.DomainException e) {
            redirect.addFlashAttribute("errorSection", section);
            redirect.addFlashAttribute("error", errors.message(e));
        }
        return "redirect:" + page + "#" + section;
    }

    /** Exercise staff work on plans outside any exercise context: their real-world identity decides. */
    private Subject me() {
        return currentSubject.get().inRealWorld();
    }

    private static SecurityLabel label(String classification, String releasableTo) {
        return SecurityLabel.of(Classification.parse(classification).orElseThrow(() ->
                new IllegalArgumentException("unknown classification '" + classification + "'")), words(releasableTo));
    }

    private static List<String> words(@Nullable String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static List<String> lines(@Nullable String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate is not a number: " + text);
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an exercise id: " + text);
        }
    }

    /**
     * Injects placed on a horizontal timeline at the exercise time they happen (percent of the latest): when they were
     * delivered, else when they are scheduled, else — an inject after another's delay — the other's time plus the
     * delay, else their offset. {@code starts} holds that time per inject number (an inject after one that is not
     * in the MSEL has none).
     */
    record Timeline(List<Mark> marks, Duration end, Map<Integer, Duration> starts) {

        record Mark(int number, String kind, String status, double percent, Duration at, String label) {
        }

        static Timeline of(List<Inject> injects) {
            Map<Integer, Inject> byNumber = new HashMap<>();
            injects.forEach(i -> byNumber.put(i.number(), i));
            Map<Integer, Duration> starts = new HashMap<>();
            injects.forEach(i -> start(i, byNumber, new HashSet<>()).ifPresent(d -> starts.put(i.number(), d)));
            long longest = starts.values().stream().mapToLong(Duration::toMillis).max().orElse(0);
            long scale = Math.max(longest, 60_000);
            List<Mark> marks = injects.stream()
                    .filter(i -> i.status() != InjectStatus.CANCELLED && starts.containsKey(i.number()))
                    .map(i -> {
                        Duration at = Objects.requireNonNull(starts.get(i.number()), "filtered on starts above");
                        return new Mark(i.number(), i.kind().name(), i.status().name(),
                                Math.round(1000.0 * at.toMillis() / scale) / 10.0, at,
                                "#" + i.number() + " " + i.kind() + " T+" + Durations.clock(at) + " " + i.from()
                                        + " → " + String.join(", ", i.to()));
                    })
                    .toList();
            return new Timeline(marks, Duration.ofMillis(scale), Map.copyOf(starts));
        }

        /** The inject's exercise time as T+hh:mm, or empty when it has none yet. */
        public String at(int number) {
            Duration at = starts.get(number);
            return at == null ? "" : "T+" + Durations.clock(at);
        }

        private static Optional<Duration> start(Inject inject, Map<Integer, Inject> byNumber, Set<Integer> seen) {
            if (!seen.add(inject.number())) {
                return Optional.empty(); // a cycle: no time can be given
            }
            if (inject.deliveredAtExerciseTime() != null) {
                return Optional.of(inject.deliveredAtExerciseTime());
            }
            if (inject.due() != null) {
                return Optional.of(inject.due());
            }
            if (inject.startCondition() == StartCondition.AFTER_DELAY) {
                Inject before = inject.afterNumber() == null ? null : byNumber.get(inject.afterNumber());
                return before == null ? Optional.empty()
                        : start(before, byNumber, seen).map(t -> t.plus(inject.at()));
            }
            return Optional.of(inject.at()); // at its time, or (manual) at the time it is planned for
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        /** Who takes part in exercises: EXCON, evaluators and the players of the training audience's nations. */
        private static final String[] PARTICIPANTS = Role.authoritiesExcept(Role.OBSERVER, Role.CERT,
                Role.CAP_SOURCE, Role.ADMIN, Role.PROGRAMME_MANAGER);

        @Bean
        NavigationEntry exerciseNavigation() {
            return NavigationEntry.forAny("nav.exercises", "/exercises", 600, PARTICIPANTS);
        }

        @Bean
        NavigationEntry lessonNavigation() {
            return NavigationEntry.forAny("nav.lessons", "/lessons", 610, PARTICIPANTS);
        }

        @Bean
        NavigationEntry contextNavigation() {
            return NavigationEntry.forAny("nav.exerciseContext", "/exercise-context", 620, PARTICIPANTS);
        }
    }
}
