package org.kalkan.exercise.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.Evaluations;
import org.kalkan.exercise.Exercise;
import org.kalkan.exercise.ExerciseClocks;
import org.kalkan.exercise.ExercisePlan;
import org.kalkan.exercise.Exercises;
import org.kalkan.exercise.ExpectedAction;
import org.kalkan.exercise.LessonStatus;
import org.kalkan.exercise.Lessons;
import org.kalkan.exercise.Msel;
import org.kalkan.exercise.Remedy;
import org.kalkan.exercise.internal.InjectContent;
import org.kalkan.exercise.internal.InjectCsv;
import org.kalkan.exercise.internal.InjectRequest;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Subject;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Exercises over the API: plans, the MSEL (JSON and CSV), the clock, evaluation, the AAR and lessons learned. */
@RestController
@RequestMapping("/api/v1")
class ExercisesApi {

    private final Exercises exercises;
    private final Msel msel;
    private final ExerciseClocks clocks;
    private final Evaluations evaluations;
    private final Lessons lessons;
    private final CurrentSubject currentSubject;

    ExercisesApi(Exercises exercises, Msel msel, ExerciseClocks clocks, Evaluations evaluations, Lessons lessons,
            CurrentSubject currentSubject) {
        this.exercises = exercises;
        this.msel = msel;
        this.clocks = clocks;
        this.evaluations = evaluations;
        this.lessons = lessons;
        this.currentSubject = currentSubject;
    }

    record PlanBody(@Nullable String name, @Nullable String startsOn, @Nullable String endsOn,
            @Nullable List<String> trainingAudience, @Nullable List<String> exconUsers,
            @Nullable List<String> evaluatorUsers, @Nullable List<String> objectives, @Nullable List<String> phases,
            @Nullable List<UUID> participatingUnits, @Nullable SecurityLabel label,
            @Nullable Integer version) {

        private static List<String> orEmpty(@Nullable List<String> values) {
            return values == null ? List.of() : values;
        }

        ExercisePlan toPlan() {
            if (label == null) {
                throw new IllegalArgumentException("label is required: {\"classification\":…,\"releasableTo\":[…]}");
            }
            return new ExercisePlan(name == null ? "" : name, ExerciseJson.date(startsOn, "startsOn"),
                    ExerciseJson.date(endsOn, "endsOn"), trainingAudience == null ? List.of() : trainingAudience,
                    orEmpty(exconUsers), orEmpty(evaluatorUsers), orEmpty(objectives), orEmpty(phases),
                    participatingUnits == null ? List.of() : participatingUnits, label);
        }
    }

    @PostMapping("/exercises")
    ResponseEntity<ExerciseJson.ExerciseView> plan(@RequestBody PlanBody body) {
        Exercise exercise = exercises.plan(subject(), body.toPlan());
        return ResponseEntity.created(URI.create("/api/v1/exercises/" + exercise.id())).body(view(exercise));
    }

    @PutMapping("/exercises/{id}")
    ExerciseJson.ExerciseView edit(@PathVariable UUID id, @RequestBody PlanBody body) {
        if (body.version() == null) {
            throw new IllegalArgumentException("version is required: the version you edited");
        }
        return view(exercises.edit(subject(), id, body.toPlan(), body.version()));
    }

    @GetMapping("/exercises")
    List<ExerciseJson.ExerciseView> list() {
        return exercises.list(subject()).stream().map(this::view).toList();
    }

    @GetMapping("/exercises/{id}")
    ExerciseJson.ExerciseView find(@PathVariable UUID id) {
        return view(exercises.find(subject(), id));
    }

    @PostMapping("/exercises/{id}/injects")
    ResponseEntity<ExerciseJson.InjectView> addInject(@PathVariable UUID id, @RequestBody InjectRequest body) {
        var inject = msel.add(subject(), id, body.toNewInject());
        return ResponseEntity.created(URI.create("/api/v1/exercises/" + id + "/injects/" + inject.number()))
                .body(ExerciseJson.InjectView.of(inject));
    }

    @GetMapping("/exercises/{id}/injects")
    List<ExerciseJson.InjectView> injects(@PathVariable UUID id) {
        return msel.list(subject(), id).stream().map(ExerciseJson.InjectView::of).toList();
    }

    /** Imports a CSV MSEL: every row or none; a refusal lists each bad row. */
    @PostMapping(path = "/exercises/{id}/injects", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<Map<String, Object>> importCsv(@PathVariable UUID id, @RequestBody String csv) {
        InjectCsv.Parsed parsed = InjectCsv.parse(csv);
        int imported = msel.importAll(subject(), id, parsed.rows(), parsed.errors()).size();
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", imported));
    }

    @GetMapping(path = "/exercises/{id}/injects.csv", produces = "text/csv")
    ResponseEntity<String> exportCsv(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("msel.csv").build()
                        .toString())
                .body(InjectCsv.write(msel.list(subject(), id)));
    }

    record InjectActionBody(@Nullable String action, @Nullable String by) {
    }

    /** EXCON: deliver now, hold, release, resend, delay ({@code "by":"PT5M"}) or cancel an inject. */
    @PostMapping("/exercises/{id}/injects/{number}/actions")
    ExerciseJson.InjectView act(@PathVariable UUID id, @PathVariable int number, @RequestBody InjectActionBody body) {
        if (body.action() == null) {
            throw new IllegalArgumentException("action is required: deliver, hold, release, resend, delay or cancel");
        }
        Duration by = body.by() == null ? null : InjectContent.duration(body.by(), "by");
        return ExerciseJson.InjectView.of(msel.act(subject(), id, number,
                ExerciseJson.enumOf(Msel.Action.class, body.action(), "action"), by));
    }

    record ClockBody(@Nullable String action, @Nullable Double rate) {
    }

    @PostMapping("/exercises/{id}/clock")
    ExerciseJson.ClockJson clock(@PathVariable UUID id, @RequestBody ClockBody body) {
        if (body.action() == null) {
            throw new IllegalArgumentException("action is required: start, pause, resume or end");
        }
        Exercise exercise = clocks.act(subject(), id,
                ExerciseJson.enumOf(ExerciseClocks.Action.class, body.action(), "action"), body.rate());
        return ExerciseJson.ClockJson.of(exercise.clock(), clocks.now());
    }

    @GetMapping("/exercises/{id}/clock")
    ExerciseJson.ClockJson clock(@PathVariable UUID id) {
        return ExerciseJson.ClockJson.of(clocks.clock(subject(), id), clocks.now());
    }

    @PostMapping("/exercises/{id}/archive")
    ExerciseJson.ExerciseView archive(@PathVariable UUID id) {
        return view(exercises.archive(subject(), id));
    }

    @PostMapping("/exercises/{id}/purge")
    ExerciseJson.ExerciseView purge(@PathVariable UUID id) {
        return view(exercises.purge(subject(), id));
    }

    @GetMapping("/exercises/{id}/evaluation")
    ExerciseJson.EvaluationJson evaluation(@PathVariable UUID id) {
        return ExerciseJson.EvaluationJson.of(evaluations.evaluate(subject(), id));
    }

    @GetMapping(path = "/exercises/{id}/aar.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExerciseJson.EvaluationJson> aarJson(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("aar-" + id + ".json"))
                .body(ExerciseJson.EvaluationJson.of(evaluations.evaluate(subject(), id)));
    }

    @GetMapping(path = "/exercises/{id}/aar.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> aarPdf(@PathVariable UUID id) {
        return pdf(evaluations.afterActionPdf(subject(), id), id);
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("aar-" + id + ".pdf")).body(pdf);
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename).build().toString();
    }

    record ObservationBody(@Nullable Integer inject, @Nullable String objective, @Nullable String text) {
    }

    @PostMapping("/exercises/{id}/observations")
    ResponseEntity<ExerciseJson.ObservationJson> observe(@PathVariable UUID id, @RequestBody ObservationBody body) {
        var observation = evaluations.observe(subject(), id, body.inject(), body.objective(),
                body.text() == null ? "" : body.text());
        return ResponseEntity.status(HttpStatus.CREATED).body(ExerciseJson.ObservationJson.of(observation));
    }

    record PlayerActionBody(@Nullable String action, @Nullable String actor) {
    }

    /** An evaluator records that a player did an inject's expected action (what no event reports yet). */
    @PostMapping("/exercises/{id}/injects/{number}/player-actions")
    ResponseEntity<Map<String, Object>> playerAction(@PathVariable UUID id, @PathVariable int number,
            @RequestBody PlayerActionBody body) {
        if (body.action() == null || body.actor() == null) {
            throw new IllegalArgumentException("action and actor (the player's username) are required");
        }
        var action = evaluations.recordAction(subject(), id, number,
                ExerciseJson.enumOf(ExpectedAction.class, body.action(), "action"), body.actor());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", action.id(), "action",
                action.action().name(), "at", action.at().toString()));
    }

    record TrainingObjectivesBody(@Nullable String objective, @Nullable List<String> trainingObjectives) {
    }

    /** {@code {"objective":"Crisis response","trainingObjectives":["EOD-201.1"]}}: what the objective tests. */
    @PutMapping("/exercises/{id}/training-objectives")
    Map<String, Object> trainingObjectives(@PathVariable UUID id, @RequestBody TrainingObjectivesBody body) {
        if (body.objective() == null || body.trainingObjectives() == null) {
            throw new IllegalArgumentException("objective and trainingObjectives are required");
        }
        return Map.of("objective", body.objective().strip(), "trainingObjectives",
                evaluations.nameTrainingObjectives(subject(), id, body.objective(), body.trainingObjectives()));
    }

    record LessonBody(@Nullable UUID observationId, @Nullable String title) {
    }

    @PostMapping("/lessons")
    ResponseEntity<ExerciseJson.LessonJson> lesson(@RequestBody LessonBody body) {
        if (body.observationId() == null) {
            throw new IllegalArgumentException("observationId is required: the observation the lesson comes from");
        }
        var lesson = lessons.fromObservation(subject(), body.observationId(), body.title());
        return ResponseEntity.created(URI.create("/api/v1/lessons/" + lesson.id())).body(
                ExerciseJson.LessonJson.of(lesson));
    }

    record AdvanceBody(@Nullable String status, @Nullable String remedialAction, @Nullable String owner,
            @Nullable String dueOn, @Nullable String remedy, @Nullable Integer version) {
    }

    @PostMapping("/lessons/{id}/status")
    ExerciseJson.LessonJson advance(@PathVariable UUID id, @RequestBody AdvanceBody body) {
        if (body.status() == null || body.version() == null) {
            throw new IllegalArgumentException("status and version are required");
        }
        Remedy remedy = body.remedy() == null || body.remedy().isBlank() ? null
                : ExerciseJson.enumOf(Remedy.class, body.remedy(), "remedy");
        return ExerciseJson.LessonJson.of(lessons.advance(subject(), id,
                ExerciseJson.enumOf(LessonStatus.class, body.status(), "status"), body.remedialAction(),
                body.owner(), ExerciseJson.date(body.dueOn(), "dueOn"), remedy, body.version()));
    }

    @GetMapping("/lessons")
    List<ExerciseJson.LessonJson> lessons(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status) {
        return lessons.search(subject(), q, status == null || status.isBlank() ? null
                : ExerciseJson.enumOf(LessonStatus.class, status, "status")).stream()
                .map(ExerciseJson.LessonJson::of).toList();
    }

    @ExceptionHandler(Msel.ImportRefused.class)
    ResponseEntity<ProblemDetail> importRefused(Msel.ImportRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Import refused");
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ExerciseJson.ExerciseView view(Exercise exercise) {
        return ExerciseJson.ExerciseView.of(exercise, clocks.now());
    }

    /** Exercise planning and control happen outside any exercise context: the real-world identity decides. */
    private Subject subject() {
        return currentSubject.get().inRealWorld();
    }
}
