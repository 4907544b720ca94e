package org.kalkan.crisis.web;

import org.kalkan.crisis.AlertLevel;
import org.kalkan.crisis.AlertLevels;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The alert levels page: current levels for everyone, changes by crisis managers. */
@Controller
class AlertLevelPages {

    private final AlertLevels levels;
    private final CurrentSubject subject;
    private final FormResults forms;

    AlertLevelPages(AlertLevels levels, CurrentSubject subject, FormResults forms) {
        this.levels = levels;
        this.forms = forms;
        this.subject = subject;
    }

    @GetMapping("/alert-levels")
    String page(Model model) {
        model.addAttribute("levels", levels.current(subject.get()));
        model.addAttribute("levelValues", AlertLevel.values());
        model.addAttribute("canChange", subject.get().has(Role.CRISIS_MANAGER));
        return "crisis/alert-levels";
    }

    @PostMapping("/alert-levels")
    String change(@RequestParam String kind, @RequestParam String target, @RequestParam String level,
            @RequestParam String reason, @RequestParam String decisionRef, RedirectAttributes redirect) {
        return forms.run("/alert-levels", "change", redirect, () -> levels.change(subject.get(),
                AlertLevelsApi.target(kind, target), Inputs.enumValue(AlertLevel.class, level, "level"), reason,
                decisionRef));
    }
}
