/** Sign-in, bearer tokens, the user's own account, accounts and the audit trail for administrators. */
@NullMarked
package org.kalkan.security.web;

import org.jspecify.annotations.NullMarked;
