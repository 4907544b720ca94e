/**
 * Unified defence training: the course catalogue, sessions with quotas and waiting lists, personnel records with
 * qualifications that expire, unit certification and the readiness computed from both, and learning records
 * (xAPI) from national learning systems.
 */
@NullMarked
package org.kalkan.training;

import org.jspecify.annotations.NullMarked;
