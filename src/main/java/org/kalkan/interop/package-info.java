/** Adapters at the edge of the node (CoT/TAK, CAP, STIX/TAXII, OGC): they call module APIs, never the reverse. */
@NullMarked
package org.kalkan.interop;

import org.jspecify.annotations.NullMarked;
