package org.kalkan.training.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.UnitId;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.Classification;
import org.kalkan.training.Certifications;
import org.kalkan.training.IssuedCredentials;
import org.kalkan.training.LearningRecords;
import org.kalkan.training.UnitCertification;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Unit certifications, billets, the computed readiness board, and the learning systems that send xAPI. */
@RestController
@RequestMapping("/api/v1/training")
class ReadinessApi {

    private final Certifications certifications;
    private final LearningRecords records;
    private final CurrentSubject subject;
    private final Clock clock;

    ReadinessApi(Certifications certifications, LearningRecords records, CurrentSubject subject, Clock clock) {
        this.certifications = certifications;
        this.records = records;
        this.subject = subject;
        this.clock = clock;
    }

    @PostMapping("/unit-certifications")
    ResponseEntity<TrainingViews.CertificationView> certify(@RequestBody TrainingJson.CertificationBody body) {
        UnitCertification certification = certifications.certify(subject.get(), body.toRequest());
        return ResponseEntity.created(URI.create("/api/v1/training/units/" + certification.unit()
                + "/certifications")).body(TrainingViews.CertificationView.of(certification));
    }

    @GetMapping("/units/{id}/certifications")
    List<TrainingViews.CertificationView> history(@PathVariable UUID id) {
        return certifications.history(subject.get(), new UnitId(id)).stream()
                .map(TrainingViews.CertificationView::of).toList();
    }

    @PutMapping("/units/{id}/billets")
    List<TrainingViews.BilletView> setBillets(@PathVariable UUID id,
            @RequestBody List<TrainingJson.BilletBody> body) {
        return certifications.setBillets(subject.get(), new UnitId(id), body.stream()
                .map(TrainingJson.BilletBody::toBillet).toList()).stream().map(TrainingViews.BilletView::of).toList();
    }

    @GetMapping("/units/{id}/billets")
    List<TrainingViews.BilletView> billets(@PathVariable UUID id) {
        return certifications.billets(subject.get(), new UnitId(id)).stream().map(TrainingViews.BilletView::of)
                .toList();
    }

    /** Readiness per unit and capability on {@code date} (today when not given): computed, never typed in. */
    @GetMapping("/readiness")
    List<TrainingViews.ReadinessView> readiness(@RequestParam(required = false) @Nullable String date) {
        LocalDate day = Fields.date(date, "date");
        return certifications.board(subject.get(), day == null ? LocalDate.ofInstant(clock.instant(),
                ZoneOffset.UTC) : day).stream().map(TrainingViews.ReadinessView::of).toList();
    }

    record CredentialsView(TrainingViews.SystemView system, String key, String secret, String token) {
    }

    /** An administrator registers a national learning system; its credentials are shown this once. */
    @PostMapping("/xapi/systems")
    ResponseEntity<CredentialsView> register(@RequestBody TrainingJson.SystemBody body) {
        IssuedCredentials issued = records.register(subject.get(), Fields.required(body.name(), "name"),
                TrainingJson.nation(Fields.required(body.nation(), "nation"), "nation"),
                Fields.enumOf(Classification.class, body.clearance(), "clearance"),
                Fields.required(body.label(), "label"));
        return ResponseEntity.created(URI.create("/api/v1/training/xapi/systems/" + issued.system().id()))
                .body(new CredentialsView(TrainingViews.SystemView.of(issued.system()), issued.key(),
                        issued.secret(), issued.token()));
    }

    @GetMapping("/xapi/systems")
    List<TrainingViews.SystemView> systems() {
        return records.systems(subject.get()).stream().map(TrainingViews.SystemView::of).toList();
    }

    /** Statements that reported a completion but could not be mapped, with the reason. */
    @GetMapping("/xapi/dead-letters")
    List<TrainingViews.DeadLetterView> deadLetters() {
        return records.deadLetters(subject.get()).stream().map(TrainingViews.DeadLetterView::of).toList();
    }
}
