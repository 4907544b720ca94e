/** The CoT server's SQL (issued certificates, users' default labels) and its access-check poller. */
@NullMarked
package org.kalkan.interop.cot.internal;

import org.jspecify.annotations.NullMarked;
