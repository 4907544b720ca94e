package org.kalkan.exercise;

import org.kalkan.security.Subject;

/**
 * The training objectives an exercise objective may name ({@code EOD-201.1}: the first objective of course
 * EOD-201). Implemented by the training module, which depends on this one: defined here so the exercise module
 * depends on no training type (ADR 0010).
 */
public interface TrainingObjectives {

    /** Whether the code names an objective of a course the subject may read. */
    boolean exists(Subject subject, String code);
}
