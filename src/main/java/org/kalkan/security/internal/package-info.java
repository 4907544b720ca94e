/** Authentication, bearer tokens, sign-in throttling, second factors, the filter chains and the node's keys. */
@NullMarked
package org.kalkan.security.internal;

import org.jspecify.annotations.NullMarked;
