/** The per-origin change log, its sequencer and seals, what is sent to each peer and how received entries apply. */
@org.jspecify.annotations.NullMarked
package org.kalkan.federation.internal;
