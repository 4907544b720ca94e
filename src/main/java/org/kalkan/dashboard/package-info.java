/** The home page: what needs the signed-in user's attention now, for their role and context, kept live. */
@NullMarked
package org.kalkan.dashboard;

import org.jspecify.annotations.NullMarked;
