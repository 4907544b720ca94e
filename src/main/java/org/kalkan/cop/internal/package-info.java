/** The live stream, the incident feed on it, and the offline basemap package. */
@NullMarked
package org.kalkan.cop.internal;

import org.jspecify.annotations.NullMarked;
