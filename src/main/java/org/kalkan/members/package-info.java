/** Member states, observers and the named communities used in releasability. */
@NullMarked
package org.kalkan.members;

import org.jspecify.annotations.NullMarked;
