/** Joint exercises: plans, the MSEL and its injects, the exercise clock, evaluation and lessons learned. */
@NullMarked
package org.kalkan.exercise;

import org.jspecify.annotations.NullMarked;
