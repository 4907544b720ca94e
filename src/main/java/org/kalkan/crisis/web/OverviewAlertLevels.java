package org.kalkan.crisis.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.AlertLevelState;
import org.kalkan.crisis.AlertLevels;
import org.kalkan.security.CurrentSubject;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the current alert levels on the overview page ({@code /}) and the map ({@code /map}), which show them. */
@ControllerAdvice(annotations = Controller.class)
class OverviewAlertLevels {

    private final AlertLevels levels;
    private final CurrentSubject subject;

    OverviewAlertLevels(AlertLevels levels, CurrentSubject subject) {
        this.levels = levels;
        this.subject = subject;
    }

    @ModelAttribute("alertLevels")
    @Nullable List<AlertLevelState> alertLevels(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return (path.equals("/") || path.equals("/map")) && request.getUserPrincipal() != null
                ? levels.current(subject.get()) : null;
    }
}
