package org.kalkan.training.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Subject;
import org.kalkan.training.Catalogue;
import org.kalkan.training.Course;
import org.kalkan.training.CourseQuery;
import org.kalkan.training.TrainingRequirement;
import org.kalkan.training.TrainingRequirementId;
import org.kalkan.training.TrainingRequirements;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The course catalogue and the training requirements from lessons learned. */
@RestController
@RequestMapping("/api/v1/training")
class CatalogueApi {

    private final Catalogue catalogue;
    private final TrainingRequirements requirements;
    private final CurrentSubject subject;

    CatalogueApi(Catalogue catalogue, TrainingRequirements requirements, CurrentSubject subject) {
        this.catalogue = catalogue;
        this.requirements = requirements;
        this.subject = subject;
    }

    @PostMapping("/courses")
    ResponseEntity<TrainingViews.CourseView> publish(@RequestBody TrainingJson.CourseBody body) {
        Subject me = subject.get();
        Course course = catalogue.publish(me, body.toDraft(me.nation()));
        return ResponseEntity.created(URI.create("/api/v1/training/courses/" + course.code()))
                .body(TrainingViews.CourseView.of(course));
    }

    @PutMapping("/courses/{code}")
    TrainingViews.CourseView revise(@PathVariable String code, @RequestBody TrainingJson.CourseBody body) {
        Subject me = subject.get();
        return TrainingViews.CourseView.of(catalogue.revise(me, code, body.toDraft(me.nation()),
                Fields.required(body.version(), "version")));
    }

    @GetMapping("/courses/{code}")
    TrainingViews.CourseView course(@PathVariable String code) {
        return TrainingViews.CourseView.of(catalogue.find(subject.get(), code));
    }

    @GetMapping("/courses")
    List<TrainingViews.CourseView> search(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String nation,
            @RequestParam(required = false) @Nullable String qualification) {
        return catalogue.search(subject.get(), new CourseQuery(q, language, nation, qualification)).stream()
                .map(TrainingViews.CourseView::of).toList();
    }

    @GetMapping("/requirements")
    List<TrainingViews.RequirementView> requirements(@RequestParam(required = false) @Nullable String status) {
        return requirements.list(subject.get(), status == null || status.isBlank() ? null
                : Fields.enumOf(TrainingRequirement.Status.class, status, "status")).stream()
                .map(TrainingViews.RequirementView::of).toList();
    }

    /** {@code {"course":"EOD-201"}}: the coordinator addresses a requirement with a course. */
    @PostMapping("/requirements/{id}/course")
    TrainingViews.RequirementView address(@PathVariable UUID id, @RequestBody TrainingJson.AddressBody body) {
        return TrainingViews.RequirementView.of(requirements.address(subject.get(), new TrainingRequirementId(id),
                Fields.required(body.course(), "course")));
    }
}
