package org.kalkan.council.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kalkan.council.DecisionAdopted;
import org.kalkan.council.DecisionNotAdopted;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.DecisionVersion;
import org.kalkan.council.MeasureActivated;
import org.kalkan.council.MeasureActivation;
import org.kalkan.council.MeasureOrder;
import org.kalkan.council.ReferencedRecords;
import org.kalkan.security.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Adopts a decision in the caller's transaction, with its row locked: first the rules of a binding decision are
 * checked again as it takes effect ({@link BindingRules#effectFaults}, and every record it names through its owner,
 * {@link References#takingEffect}); a decision that no longer meets them is closed NOT_ADOPTED with the reason.
 * Otherwise: the next register number, the entry in the audit chain (with a hash of the adopted text), the
 * activation of every measure it names, and the events.
 */
@Component
class Adoption {

    private final Decisions decisions;
    private final RegisterNumbers numbers;
    private final BindingRules rules;
    private final References references;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Adoption(Decisions decisions, RegisterNumbers numbers, BindingRules rules, References references,
            AuditTrail audit, ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.numbers = numbers;
        this.rules = rules;
        this.references = references;
        this.audit = audit;
        this.events = events;
    }

    /**
     * {@code at} is the instant of adoption: the end of silence, or when the chair closed the consensus. Returns the
     * register number, or empty when the decision was refused as it was to take effect (then NOT_ADOPTED).
     */
    Optional<String> adopt(DecisionRow row, DecisionStatus outcome, Instant at, String actor) {
        if (!outcome.isAdopted()) {
            throw new IllegalStateException("not an adoption: " + outcome);
        }
        DecisionVersion adopted = decisions.versions(row.id()).get(row.version() - 1);
        List<String> faults = new ArrayList<>(rules.effectFaults(row, adopted));
        faults.addAll(references.takingEffect(new ReferencedRecords(row.id(), row.label(), row.exerciseId(),
                row.crisisId(), adopted.measures())));
        if (!faults.isEmpty()) {
            String reason = "Not adopted: when it was to take effect, " + String.join("; ", faults) + ".";
            decisions.notAdopted(row.id(), at, reason);
            audit.record(actor, "DECISION_NOT_ADOPTED", row.target(), "version " + row.version() + " refused as it "
                    + "was to take effect: " + String.join("; ", faults));
            events.publishEvent(new DecisionNotAdopted(row.id(), row.version(), Set.of(), Set.of(), row.label(), at,
                    row.exerciseId(), reason));
            return Optional.empty();
        }
        String number = numbers.next(at, row.exerciseId());
        decisions.adopt(row.id(), outcome, number, at);
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
        return Optional.of(number);
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
