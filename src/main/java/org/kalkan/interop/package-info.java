/** Adapters at the edge of the node (CoT/TAK, OGC API – Features, later CAP and STIX/TAXII): they call module APIs, never the reverse. */
@NullMarked
package org.kalkan.interop;

import org.jspecify.annotations.NullMarked;
