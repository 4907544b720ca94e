package org.kalkan.crisis.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.crisis.AlertLevel;
import org.kalkan.crisis.AlertLevels;
import org.kalkan.crisis.AlertTarget;
import org.kalkan.security.CurrentSubject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Current alert levels for every signed-in user; changes by crisis managers, naming the decision. */
@RestController
@RequestMapping("/api/v1/alert-levels")
class AlertLevelsApi {

    private final AlertLevels levels;
    private final CurrentSubject subject;

    AlertLevelsApi(AlertLevels levels, CurrentSubject subject) {
        this.levels = levels;
        this.subject = subject;
    }

    @GetMapping
    List<CrisisJson.Level> current() {
        return levels.current(subject.get()).stream().map(CrisisJson.Level::of).toList();
    }

    record ChangeRequest(@Nullable String kind, @Nullable String target, @Nullable String level,
            @Nullable String reason, @Nullable String decisionRef) {
    }

    @PostMapping
    CrisisJson.LevelChange change(@RequestBody ChangeRequest request) {
        AlertTarget target = target(request.kind(), request.target());
        return CrisisJson.LevelChange.of(levels.change(subject.get(), target,
                Inputs.enumValue(AlertLevel.class, request.level(), "level"), request.reason(), request.decisionRef()));
    }

    @GetMapping("/{kind}/{target}/history")
    List<CrisisJson.LevelChange> history(@PathVariable String kind, @PathVariable String target,
            @RequestParam(defaultValue = "100") int limit) {
        return levels.history(subject.get(), target(kind, target), limit).stream().map(CrisisJson.LevelChange::of).toList();
    }

    static AlertTarget target(@Nullable String kind, @Nullable String name) {
        // Without a name the target is refused by AlertTarget like an empty one.
        return new AlertTarget(Inputs.enumValue(AlertTarget.Kind.class, kind, "kind"), name == null ? "" : name);
    }
}
