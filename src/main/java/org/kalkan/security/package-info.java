/** Users, roles, clearances, authentication, the one access policy, and the tamper-evident audit trail. */
@NullMarked
package org.kalkan.security;

import org.jspecify.annotations.NullMarked;
