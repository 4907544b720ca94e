/** Value types every module shares: nations, classifications, security labels, date-time groups. */
@NullMarked
package org.kalkan.shared;

import org.jspecify.annotations.NullMarked;
