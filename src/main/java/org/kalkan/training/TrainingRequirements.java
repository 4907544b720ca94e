package org.kalkan.training;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/** Training requirements from the lessons loop, for the training coordinator. */
public interface TrainingRequirements {

    /** Requirements the subject may read, open ones first. */
    List<TrainingRequirement> list(Subject subject, TrainingRequirement.@Nullable Status status);

    /** The coordinator addresses a requirement with a course of the catalogue. */
    TrainingRequirement address(Subject coordinator, TrainingRequirementId id, String course);
}
