package org.kalkan.training.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.CurrentSubject;
import org.kalkan.training.NominationId;
import org.kalkan.training.Outcome;
import org.kalkan.training.PersonId;
import org.kalkan.training.Session;
import org.kalkan.training.SessionId;
import org.kalkan.training.Sessions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sessions, nominations (with the waiting list), results and the seat allocation. */
@RestController
@RequestMapping("/api/v1/training/sessions")
class SessionsApi {

    private final Sessions sessions;
    private final CurrentSubject subject;

    SessionsApi(Sessions sessions, CurrentSubject subject) {
        this.sessions = sessions;
        this.subject = subject;
    }

    @PostMapping
    ResponseEntity<TrainingViews.SessionView> schedule(@RequestBody TrainingJson.SessionBody body) {
        Session session = sessions.schedule(subject.get(), body.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/training/sessions/" + session.id()))
                .body(TrainingViews.SessionView.of(session));
    }

    @GetMapping
    List<TrainingViews.SessionView> list(@RequestParam(required = false) @Nullable String course) {
        return sessions.list(subject.get(), course).stream().map(TrainingViews.SessionView::of).toList();
    }

    @GetMapping("/{id}")
    TrainingViews.SessionView find(@PathVariable UUID id) {
        return TrainingViews.SessionView.of(sessions.find(subject.get(), new SessionId(id)));
    }

    /** Seats first, then the waiting list in order; people the reader may not read are without name. */
    @GetMapping("/{id}/nominations")
    List<TrainingViews.NominationView> roster(@PathVariable UUID id) {
        return sessions.roster(subject.get(), new SessionId(id)).stream().map(TrainingViews.NominationView::of)
                .toList();
    }

    /** 201 NOMINATED or WAITLISTED; 409 with {@code errors} naming each unmet prerequisite. */
    @PostMapping("/{id}/nominations")
    ResponseEntity<TrainingViews.NominationView> nominate(@PathVariable UUID id,
            @RequestBody TrainingJson.NominationBody body) {
        var nomination = sessions.nominate(subject.get(), new SessionId(id),
                new PersonId(Fields.uuid(body.personId(), "personId")), body.priority());
        return ResponseEntity.created(URI.create("/api/v1/training/sessions/" + id + "/nominations/"
                + nomination.id())).body(TrainingViews.NominationView.of(nomination));
    }

    @PostMapping("/{id}/nominations/{nomination}/withdrawal")
    TrainingViews.NominationView withdraw(@PathVariable UUID id, @PathVariable UUID nomination) {
        return TrainingViews.NominationView.of(sessions.withdraw(subject.get(), new SessionId(id),
                new NominationId(nomination)));
    }

    /** {@code {"personId":…, "outcome":"PASSED"}} from the session's start; a pass grants the qualification. */
    @PostMapping("/{id}/results")
    TrainingViews.NominationView result(@PathVariable UUID id, @RequestBody TrainingJson.ResultBody body) {
        return TrainingViews.NominationView.of(sessions.recordResult(subject.get(), new SessionId(id),
                new PersonId(Fields.uuid(body.personId(), "personId")),
                Fields.enumOf(Outcome.class, body.outcome(), "outcome")));
    }

    /** {@code {"apply":false}} computes the allocation; {@code true} puts it in force. */
    @PostMapping("/{id}/allocation")
    TrainingViews.AllocationView allocate(@PathVariable UUID id,
            @RequestBody(required = false) TrainingJson.@Nullable AllocationBody body) {
        return TrainingViews.AllocationView.of(sessions.allocate(subject.get(), new SessionId(id),
                body != null && Boolean.TRUE.equals(body.apply())));
    }
}
