/** Threat and incident reports from member states, correlated into incidents. */
@NullMarked
package org.kalkan.incident;

import org.jspecify.annotations.NullMarked;
