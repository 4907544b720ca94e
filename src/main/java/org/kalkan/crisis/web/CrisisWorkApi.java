package org.kalkan.crisis.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.CrisisRfis;
import org.kalkan.crisis.CrisisTasks;
import org.kalkan.crisis.NewRfi;
import org.kalkan.crisis.NewTask;
import org.kalkan.crisis.TaskOwner;
import org.kalkan.crisis.TaskStatus;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** Tasks and RFIs of a crisis. */
@RestController
@RequestMapping("/api/v1/crises/{id}")
class CrisisWorkApi {

    private final CrisisTasks tasks;
    private final CrisisRfis rfis;
    private final CurrentSubject subject;

    CrisisWorkApi(CrisisTasks tasks, CrisisRfis rfis, CurrentSubject subject) {
        this.tasks = tasks;
        this.rfis = rfis;
        this.subject = subject;
    }

    record TaskRequest(@Nullable String title, CrisisJson.@Nullable Owner owner, @Nullable String dueAt,
            @Nullable SecurityLabel label) {

        NewTask toTask() {
            if (owner == null) {
                throw new IllegalArgumentException("owner is required: {\"kind\":\"USER|NATION|CELL\",\"name\":…}");
            }
            TaskOwner.Kind kind = Inputs.enumValue(TaskOwner.Kind.class, owner.kind(), "owner.kind");
            String name = kind == TaskOwner.Kind.NATION ? Inputs.nation(owner.name(), "owner.name").value()
                    : owner.name();
            return new NewTask(Inputs.present(title, "title"), new TaskOwner(kind, Inputs.present(name, "owner.name")),
                    Inputs.instant(dueAt, "dueAt"),
                    label);
        }
    }

    @GetMapping("/tasks")
    List<CrisisJson.Task> tasks(@PathVariable UUID id) {
        return tasks.list(subject.get(), new CrisisId(id)).stream().map(CrisisJson.Task::of).toList();
    }

    @PostMapping("/tasks")
    ResponseEntity<CrisisJson.Task> addTask(@PathVariable UUID id, @RequestBody TaskRequest request) {
        var task = tasks.add(subject.get(), new CrisisId(id), request.toTask());
        return ResponseEntity.created(URI.create("/api/v1/crises/" + id + "/tasks/" + task.id()))
                .body(CrisisJson.Task.of(task));
    }

    /** {@code version} is the task version the change is based on (like If-Match); a stale one is a 409. */
    record TaskUpdate(@Nullable String status, @Nullable String dueAt, @Nullable Integer version) {
    }

    @RequestMapping(path = "/tasks/{taskId}", method = {RequestMethod.POST, RequestMethod.PATCH})
    CrisisJson.Task updateTask(@PathVariable UUID id, @PathVariable UUID taskId, @RequestBody TaskUpdate update) {
        if (update.version() == null) {
            throw new IllegalArgumentException("version is required: the task version your change is based on");
        }
        return CrisisJson.Task.of(tasks.update(subject.get(), new CrisisId(id), taskId,
                update.status() == null ? null : Inputs.enumValue(TaskStatus.class, update.status(), "status"),
                update.dueAt() == null ? null : Inputs.instant(update.dueAt(), "dueAt"), update.version()));
    }

    record RfiRequest(@Nullable String question, @Nullable List<String> addressedTo, @Nullable String deadline,
            @Nullable SecurityLabel label) {
    }

    @GetMapping("/rfis")
    List<CrisisJson.RfiView> rfis(@PathVariable UUID id) {
        return rfis.list(subject.get(), new CrisisId(id)).stream().map(CrisisJson.RfiView::of).toList();
    }

    @PostMapping("/rfis")
    ResponseEntity<CrisisJson.RfiView> ask(@PathVariable UUID id, @RequestBody RfiRequest request) {
        var rfi = rfis.ask(subject.get(), new CrisisId(id), new NewRfi(Inputs.present(request.question(), "question"),
                Inputs.nations(request.addressedTo(), "addressedTo"), Inputs.instant(request.deadline(), "deadline"),
                request.label()));
        return ResponseEntity.created(URI.create("/api/v1/crises/" + id + "/rfis/" + rfi.id()))
                .body(CrisisJson.RfiView.of(rfi));
    }

    @GetMapping("/rfis/{rfiId}")
    CrisisJson.RfiView rfi(@PathVariable UUID id, @PathVariable UUID rfiId) {
        return CrisisJson.RfiView.of(rfis.find(subject.get(), new CrisisId(id), rfiId));
    }

    record AnswerRequest(@Nullable String text, @Nullable SecurityLabel label) {
    }

    @PostMapping("/rfis/{rfiId}/answers")
    ResponseEntity<CrisisJson.Answer> answer(@PathVariable UUID id, @PathVariable UUID rfiId,
            @RequestBody AnswerRequest request) {
        var answer = rfis.answer(subject.get(), new CrisisId(id), rfiId, request.text(),
                request.label());
        return ResponseEntity.created(URI.create("/api/v1/crises/" + id + "/rfis/" + rfiId))
                .body(CrisisJson.Answer.of(answer));
    }

    record CloseRequest(@Nullable String note) {
    }

    @PostMapping("/rfis/{rfiId}/close")
    CrisisJson.RfiView close(@PathVariable UUID id, @PathVariable UUID rfiId,
            @RequestBody(required = false) @Nullable CloseRequest request) {
        return CrisisJson.RfiView.of(rfis.close(subject.get(), new CrisisId(id), rfiId,
                request == null ? null : request.note()));
    }
}
