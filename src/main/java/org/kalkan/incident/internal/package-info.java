/** Storage of reports and incidents, and the pure rules that derive incidents from reports and decide correlation. */
@NullMarked
package org.kalkan.incident.internal;

import org.jspecify.annotations.NullMarked;
