/** The nations and communities held in memory, reloaded from the database. */
@NullMarked
package org.kalkan.members.internal;

import org.jspecify.annotations.NullMarked;
