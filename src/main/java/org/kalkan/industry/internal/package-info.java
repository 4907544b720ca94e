/** Earned value, schedule, allocation and licence rules of co-production, and their SQL stores. */
@NullMarked
package org.kalkan.industry.internal;

import org.jspecify.annotations.NullMarked;
