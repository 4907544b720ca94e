/** Federation: national nodes and the centre exchange, over pinned mutual TLS, exactly what each may see. */
@org.jspecify.annotations.NullMarked
package org.kalkan.federation;
