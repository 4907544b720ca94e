package org.kalkan.interop.taxii.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.kalkan.interop.taxii.TaxiiCollection;
import org.kalkan.platform.StartupSeeding;
import org.kalkan.security.AuditTrail;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.shared.ExercisePurged;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The objects the node itself puts in the intel collection, readable by everyone (UNCLASSIFIED // REL TO ALL):
 * Kalkan's identity and its label extension-definition, with the marking-definition of that label; and the
 * deletion of an exercise's intel when the exercise is purged (ADR 0006).
 */
@Component
class NodeObjects implements ApplicationRunner {

    static final SecurityLabel PUBLIC = SecurityLabel.of(Classification.UNCLASSIFIED, "ALL");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntelStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final StartupSeeding seeding;

    NodeObjects(IntelStore store, AuditTrail audit, Clock clock, StartupSeeding seeding) {
        this.seeding = seeding;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seeding.exclusively("NodeObjects");
        Instant last = store.lock(TaxiiCollection.INTEL);
        for (ObjectNode object : List.of(Markings.identity(), Markings.markingDefinition(PUBLIC),
                Markings.extensionDefinition())) {
            String id = object.get("id").asString();
            if (store.exists(TaxiiCollection.INTEL, id, null)) {
                continue;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
            store.insert(new IntelStore.NewRow(TaxiiCollection.INTEL, id, object.get("type").asString(), "2.1",
                    Instant.parse(Markings.DEFINED), Markings.DEFINED, JSON.writeValueAsString(object),
                    EnvelopeIntake.references(object), "system", PUBLIC, EnvelopeIntake.NODE_ORIGIN, null), last);
            audit.record("system", "STIX_ADDED", "stix:" + id, PUBLIC.marking());
        }
    }

    /** Audited when the exercise had intelligence: most exercises have none, and say so in no module's trail. */
    @EventListener
    void on(ExercisePurged purged) {
        int deleted = store.purge(purged.exerciseId());
        if (deleted > 0) {
            audit.record(purged.purgedBy(), "EXERCISE_INTEL_PURGED", "exercise:" + purged.exerciseId(),
                    deleted + " STIX object versions deleted");
        }
    }
}
