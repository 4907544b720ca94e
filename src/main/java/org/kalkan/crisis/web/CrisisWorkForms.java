package org.kalkan.crisis.web;

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
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The crisis room's forms for tasks and RFIs; each redirects back to the room. */
@Controller
@RequestMapping("/crises/{id}")
class CrisisWorkForms {

    private final CrisisTasks tasks;
    private final CrisisRfis rfis;
    private final CurrentSubject subject;
    private final FormResults forms;

    CrisisWorkForms(CrisisTasks tasks, CrisisRfis rfis, CurrentSubject subject, FormResults forms) {
        this.forms = forms;
        this.tasks = tasks;
        this.rfis = rfis;
        this.subject = subject;
    }

    @PostMapping("/tasks")
    String addTask(@PathVariable UUID id, @RequestParam String title, @RequestParam String ownerKind,
            @RequestParam String owner, @RequestParam String dueAt, @RequestParam String classification,
            @RequestParam String releasableTo, RedirectAttributes redirect) {
        return forms.run(CrisisRoomForms.room(id), "tasks", redirect, () -> {
            TaskOwner.Kind kind = Inputs.enumValue(TaskOwner.Kind.class, ownerKind, "ownerKind");
            String name = kind == TaskOwner.Kind.NATION ? Inputs.nation(owner, "owner").value() : owner.strip();
            tasks.add(subject.get(), new CrisisId(id), new NewTask(title, new TaskOwner(kind, name),
                    CrisisTimes.fromForm(dueAt, "dueAt"), FormResults.label(classification, releasableTo)));
        });
    }

    @PostMapping("/tasks/{taskId}")
    String updateTask(@PathVariable UUID id, @PathVariable UUID taskId, @RequestParam String status,
            @RequestParam int version, RedirectAttributes redirect) {
        return forms.run(CrisisRoomForms.room(id), "tasks", redirect, () -> tasks.update(subject.get(),
                new CrisisId(id), taskId, Inputs.enumValue(TaskStatus.class, status, "status"), null, version));
    }

    @PostMapping("/rfis")
    String ask(@PathVariable UUID id, @RequestParam String question, @RequestParam String addressedTo,
            @RequestParam String deadline, @RequestParam String classification, @RequestParam String releasableTo,
            RedirectAttributes redirect) {
        return forms.run(CrisisRoomForms.room(id), "rfis", redirect, () -> rfis.ask(subject.get(),
                new CrisisId(id), new NewRfi(question, Inputs.nations(FormResults.list(addressedTo), "addressedTo"),
                        CrisisTimes.fromForm(deadline, "deadline"), FormResults.label(classification, releasableTo))));
    }

    @PostMapping("/rfis/{rfiId}/answers")
    String answer(@PathVariable UUID id, @PathVariable UUID rfiId, @RequestParam String text,
            @RequestParam String classification, @RequestParam String releasableTo, RedirectAttributes redirect) {
        return forms.run(CrisisRoomForms.room(id), "rfis", redirect, () -> rfis.answer(subject.get(),
                new CrisisId(id), rfiId, text, FormResults.label(classification, releasableTo)));
    }

    @PostMapping("/rfis/{rfiId}/close")
    String close(@PathVariable UUID id, @PathVariable UUID rfiId, @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return forms.run(CrisisRoomForms.room(id), "rfis", redirect, () -> rfis.close(subject.get(),
                new CrisisId(id), rfiId, note));
    }
}
