/**
 * The CoT server's SQL (issued certificates, users' default labels, CoT events relayed between the instances of a
 * cluster) and its pollers (the access check, pruning relayed events).
 */
@NullMarked
package org.kalkan.interop.cot.internal;

import org.jspecify.annotations.NullMarked;
