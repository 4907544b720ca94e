package org.kalkan.training.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.FormErrors;
import org.kalkan.platform.PageMarking;
import org.kalkan.platform.PublicBaseUrl;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.training.Catalogue;
import org.kalkan.training.CourseQuery;
import org.kalkan.training.Certifications;
import org.kalkan.training.LearningRecords;
import org.kalkan.training.ReadinessEntry;
import org.kalkan.training.ReadinessState;
import org.kalkan.training.TrainingProperties;
import org.kalkan.training.TrainingRequirement;
import org.kalkan.training.TrainingRequirementId;
import org.kalkan.training.TrainingRequirements;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The readiness board, the training requirements from lessons learned, and the learning records' dead letters. */
@Controller
class ReadinessPages {

    private final Certifications certifications;
    private final TrainingRequirements requirements;
    private final LearningRecords records;
    private final Catalogue catalogue;
    private final CurrentSubject subject;
    private final PageMarking marking;
    private final TrainingProperties properties;
    private final PublicBaseUrl base;
    private final Clock clock;
    private final FormErrors errors;

    ReadinessPages(Certifications certifications, TrainingRequirements requirements, LearningRecords records,
            Catalogue catalogue, CurrentSubject subject, PageMarking marking, TrainingProperties properties,
            PublicBaseUrl base, Clock clock, FormErrors errors) {
        this.errors = errors;
        this.certifications = certifications;
        this.requirements = requirements;
        this.records = records;
        this.catalogue = catalogue;
        this.subject = subject;
        this.marking = marking;
        this.properties = properties;
        this.base = base;
        this.clock = clock;
    }

    @GetMapping("/training/readiness")
    String board(@RequestParam(required = false) @Nullable String date, Model model) {
        Subject me = subject.get();
        LocalDate day;
        try {
            day = Fields.date(date, "date");
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", errors.message(e));
            day = null;
        }
        LocalDate shown = day == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : day;
        List<ReadinessEntry> board = certifications.board(me, shown);
        board.forEach(e -> marking.show(e.label()));
        model.addAttribute("board", board);
        model.addAttribute("date", shown.toString());
        model.addAttribute("states", ReadinessState.values());
        model.addAttribute("expiringWithin", properties.expiringWithin().toString());
        model.addAttribute("threshold", Math.round(properties.readinessThreshold() * 100));
        model.addAttribute("counts", Map.of(
                "READY", board.stream().filter(e -> e.state() == ReadinessState.READY).count(),
                "EXPIRING", board.stream().filter(e -> e.state() == ReadinessState.EXPIRING).count(),
                "DEGRADED", board.stream().filter(e -> e.state() == ReadinessState.DEGRADED).count(),
                "NOT_CERTIFIED", board.stream().filter(e -> e.state() == ReadinessState.NOT_CERTIFIED).count()));
        return "training/readiness";
    }

    @GetMapping("/training/requirements")
    String requirements(Model model) {
        Subject me = subject.get();
        List<TrainingRequirement> list = requirements.list(me, null);
        list.forEach(r -> marking.show(r.label()));
        model.addAttribute("requirements", list);
        model.addAttribute("coordinator", me.has(Role.TRAINING_COORDINATOR));
        model.addAttribute("courses", catalogue.search(me, CourseQuery.all()).stream().map(c -> {
            marking.show(c.label());
            return c.code();
        }).toList());
        return "training/requirements";
    }

    @PostMapping("/training/requirements/{id}/course")
    String address(@PathVariable UUID id, @RequestParam String course, RedirectAttributes redirect) {
        return PageForms.run("/training/requirements", "requirement-" + id, redirect, errors, () -> {
            requirements.address(subject.get(), new TrainingRequirementId(id), course);
            return "addressed";
        });
    }

    @GetMapping("/training/learning-records")
    String learningRecords(Model model) {
        Subject me = subject.get();
        var deadLetters = records.deadLetters(me);
        deadLetters.forEach(d -> marking.show(d.label()));
        var systems = me.has(Role.ADMIN) ? records.systems(me) : List.<org.kalkan.training.LearningSystem>of();
        systems.forEach(s -> marking.show(s.label()));
        model.addAttribute("deadLetters", deadLetters);
        model.addAttribute("systems", systems);
        model.addAttribute("admin", me.has(Role.ADMIN));
        model.addAttribute("endpoint", base.get() + "/api/v1/xapi/");
        return "training/learning-records";
    }
}
