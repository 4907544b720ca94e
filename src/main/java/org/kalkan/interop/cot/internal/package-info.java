/** The CoT adapter's storage: CoT events relayed between the instances of a cluster, and their pruning. */
@NullMarked
package org.kalkan.interop.cot.internal;

import org.jspecify.annotations.NullMarked;
