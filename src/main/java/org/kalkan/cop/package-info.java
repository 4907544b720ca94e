/** The common operational picture: the live map, its reference layers, and the live event stream. */
@NullMarked
package org.kalkan.cop;

import org.jspecify.annotations.NullMarked;
