/** Adapters at the edge for standard clients (OGC API – Features); they call module APIs, never the reverse. */
@NullMarked
package org.kalkan.interop;

import org.jspecify.annotations.NullMarked;
