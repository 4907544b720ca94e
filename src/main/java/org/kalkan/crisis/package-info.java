/** Crisis management: alert levels, crises with their team, append-only log, tasks, RFIs and numbered SITREPs. */
@NullMarked
package org.kalkan.crisis;

import org.jspecify.annotations.NullMarked;
