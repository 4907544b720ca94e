package org.kalkan.council.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.kalkan.council.DecisionAdopted;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.DecisionVersion;
import org.kalkan.council.MeasureActivated;
import org.kalkan.council.MeasureActivation;
import org.kalkan.council.MeasureOrder;
import org.kalkan.security.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Adopts a decision in the caller's transaction, with its row locked: the next register number, the entry in the
 * audit chain (with a hash of the adopted text), the activation of every measure it names, and the events.
 */
@Component
class Adoption {

    private final Decisions decisions;
    private final RegisterNumbers numbers;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Adoption(Decisions decisions, RegisterNumbers numbers, AuditTrail audit, ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.numbers = numbers;
        this.audit = audit;
        this.events = events;
    }

    /** {@code at} is the instant of adoption: the end of silence, or when the chair closed the consensus. */
    String adopt(DecisionRow row, DecisionStatus outcome, Instant at, String actor) {
        if (!outcome.isAdopted()) {
            throw new IllegalStateException("not an adoption: " + outcome);
        }
        String number = numbers.next(at, row.exerciseId());
        decisions.adopt(row.id(), outcome, number, at);
        DecisionVersion adopted = decisions.versions(row.id()).get(row.version() - 1);
        audit.record(actor, "DECISION_ADOPTED", row.target(), number + " " + outcome + " version " + row.version()
                + " at " + at + " \"" + adopted.title() + "\" text sha256 " + sha256(adopted.text()));
        for (MeasureOrder measure : adopted.measures()) {
            MeasureActivation activation = new MeasureActivation(UUID.randomUUID(), row.id(), row.version(),
                    measure.code(), measure.parameters(), row.crisisId(), at);
            decisions.insertActivation(activation);
            audit.record(actor, "MEASURE_ACTIVATED", row.target(), number + " " + measure.code() + " "
                    + measure.parameters() + (row.crisisId() == null ? "" : " crisis " + row.crisisId()));
            events.publishEvent(new MeasureActivated(row.id(), number, measure.code(), measure.parameters(),
                    row.crisisId(), row.label(), at, row.exerciseId()));
        }
        events.publishEvent(new DecisionAdopted(row.id(), row.version(), number, outcome, adopted.title(),
                adopted.measures(), row.crisisId(), row.label(), at, row.exerciseId()));
        return number;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
