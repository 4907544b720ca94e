package org.kalkan.training;

import java.util.Set;
import java.util.UUID;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A national learning system (LMS) allowed to send learning records: it acts for its nation, with a clearance,
 * and its statements carry its label.
 */
public record LearningSystem(UUID id, String name, NationCode nation, Classification clearance,
        SecurityLabel label) {

    /** The system as a subject of the access policy: reads and writes as its nation, with no role. */
    public Subject subject() {
        return new Subject("xapi:" + name, nation, clearance, Set.of());
    }
}
