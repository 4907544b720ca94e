package org.kalkan.training;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * The Learning Record Store behind {@code /api/v1/xapi}: national learning systems, registered by an administrator,
 * send statements; a completed/passed/failed statement about a course of the catalogue for a known person of the
 * system's nation becomes a completion in the person's record (a pass grants the course's qualification), one that
 * cannot be mapped goes to the dead-letter list. Kalkan's own completions are stored as statements too.
 */
public interface LearningRecords {

    IssuedCredentials register(Subject admin, String name, NationCode nation, Classification clearance,
            SecurityLabel label);

    List<LearningSystem> systems(Subject admin);

    Optional<LearningSystem> authenticate(String key, String secret);

    Optional<LearningSystem> authenticateToken(String token);

    /**
     * Stores every statement or none, in {@code version} (1.0.3 or 2.0.0) unless a statement names its own. A
     * statement whose id is stored already with other content is refused (409); with the same content it is a
     * no-op. Returns the ids in order.
     */
    List<UUID> store(LearningSystem system, List<LearningStatement> statements, String version);

    Optional<StoredStatement> find(LearningSystem system, UUID id);

    StatementPage query(LearningSystem system, StatementQuery query);

    /** Unmapped statements the subject may read (administrators and training managers), newest first. */
    List<DeadLetter> deadLetters(Subject subject);
}
