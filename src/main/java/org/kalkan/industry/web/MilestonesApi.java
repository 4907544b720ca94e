package org.kalkan.industry.web;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.BaselineComparison;
import org.kalkan.industry.Milestone;
import org.kalkan.industry.MilestoneId;
import org.kalkan.industry.MilestoneKind;
import org.kalkan.industry.NewMilestone;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.Programmes;
import org.kalkan.security.CurrentSubject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Milestones and deliveries with their acceptance, and schedule baselines. */
@RestController
@RequestMapping("/api/v1/industry/programmes/{id}")
class MilestonesApi {

    private final Programmes programmes;
    private final CurrentSubject subject;

    MilestonesApi(Programmes programmes, CurrentSubject subject) {
        this.programmes = programmes;
        this.subject = subject;
    }

    record MilestoneBody(@Nullable String name, @Nullable String kind, @Nullable String due,
            @Nullable String workPackage) {
    }

    @PostMapping("/milestones")
    ResponseEntity<Milestone> add(@PathVariable String id, @RequestBody MilestoneBody body) {
        Milestone created = programmes.addMilestone(subject.get(), ProgrammeId.parse(id), new NewMilestone(
                Json.required(body.name(), "name"),
                body.kind() == null ? MilestoneKind.MILESTONE : Json.enumValue(MilestoneKind.class, body.kind(), "kind"),
                Json.date(body.due(), "due"), body.workPackage()));
        return ResponseEntity.created(URI.create("/api/v1/industry/programmes/" + id + "/milestones/" + created.id()))
                .body(created);
    }

    @GetMapping("/milestones")
    List<Milestone> list(@PathVariable String id) {
        return programmes.milestones(subject.get(), ProgrammeId.parse(id));
    }

    record AcceptanceBody(@Nullable Boolean accepted, @Nullable String on, @Nullable String note) {
    }

    /** {@code {"accepted":true,"on":"2026-09-30","note":"…"}}: accepts or rejects a pending milestone or delivery. */
    @PostMapping("/milestones/{milestone}/acceptance")
    Milestone accept(@PathVariable String id, @PathVariable String milestone, @RequestBody AcceptanceBody body) {
        return programmes.decideAcceptance(subject.get(), ProgrammeId.parse(id), MilestoneId.parse(milestone),
                Json.required(body.accepted(), "accepted"), Json.date(body.on(), "on"), body.note());
    }

    @PostMapping("/baselines")
    ResponseEntity<BaselineComparison> saveBaseline(@PathVariable String id) {
        return ResponseEntity.status(201).body(programmes.saveBaseline(subject.get(), ProgrammeId.parse(id)));
    }

    @GetMapping("/baseline-comparison")
    BaselineComparison compare(@PathVariable String id) {
        return programmes.compareWithBaseline(subject.get(), ProgrammeId.parse(id));
    }
}
