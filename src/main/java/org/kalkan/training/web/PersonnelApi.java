package org.kalkan.training.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.CurrentSubject;
import org.kalkan.training.Person;
import org.kalkan.training.PersonId;
import org.kalkan.training.Personnel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Personnel records (through the labels) and the aggregates everyone may see. */
@RestController
@RequestMapping("/api/v1/training")
class PersonnelApi {

    private final Personnel personnel;
    private final CurrentSubject subject;
    private final Clock clock;

    PersonnelApi(Personnel personnel, CurrentSubject subject, Clock clock) {
        this.personnel = personnel;
        this.subject = subject;
        this.clock = clock;
    }

    @PostMapping("/people")
    ResponseEntity<TrainingViews.PersonView> register(@RequestBody TrainingJson.PersonBody body) {
        Person person = personnel.register(subject.get(), body.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/training/people/" + person.id()))
                .body(TrainingViews.PersonView.of(person));
    }

    @GetMapping("/people")
    List<TrainingViews.PersonView> list(@RequestParam(required = false) @Nullable String nation) {
        return personnel.list(subject.get(), nation).stream().map(TrainingViews.PersonView::of).toList();
    }

    /** The person's record with completions, qualification history and nominations. */
    @GetMapping("/people/{id}")
    TrainingViews.PersonRecordView find(@PathVariable UUID id) {
        return TrainingViews.PersonRecordView.of(personnel.find(subject.get(), new PersonId(id)),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** How many are qualified for what, per nation and unit: counts, never names. */
    @GetMapping("/aggregates")
    List<TrainingViews.CountView> aggregates() {
        return personnel.aggregates(subject.get()).stream().map(TrainingViews.CountView::of).toList();
    }
}
