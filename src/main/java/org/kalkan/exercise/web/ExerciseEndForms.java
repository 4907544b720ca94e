package org.kalkan.exercise.web;

import java.util.UUID;
import org.kalkan.exercise.Exercises;
import org.kalkan.platform.FormErrors;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Subject;
import org.kalkan.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exercise director closes an exercise from its page: archive (nobody enters its context any more) or purge
 * (its records deleted in every module). Both are irreversible, so the page asks first (data-confirm).
 */
@Controller
class ExerciseEndForms {

    private final Exercises exercises;
    private final CurrentSubject currentSubject;
    private final FormErrors errors;

    ExerciseEndForms(Exercises exercises, CurrentSubject currentSubject, FormErrors errors) {
        this.exercises = exercises;
        this.currentSubject = currentSubject;
        this.errors = errors;
    }

    @PostMapping("/exercises/{id}/archive")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, "archived", redirect, () -> exercises.archive(director(), id));
    }

    @PostMapping("/exercises/{id}/purge")
    String purge(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, "purged", redirect, () -> exercises.purge(director(), id));
    }

    private String act(UUID id, String done, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", "end");
            redirect.addFlashAttribute("ended", done);
        } catch (IllegalArgumentException | ErrorResponseException | DomainException e) {
            redirect.addFlashAttribute("errorSection", "end");
            redirect.addFlashAttribute("error", errors.message(e));
        }
        return "redirect:/exercises/" + id + "#end";
    }

    /** Exercise staff work on plans outside any exercise context: their real-world identity decides. */
    private Subject director() {
        return currentSubject.get().inRealWorld();
    }
}
