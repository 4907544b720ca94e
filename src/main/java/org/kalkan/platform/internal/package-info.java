/** The node's embedded database, its clock and languages, and the one JSON shape of labels and strings. */
@NullMarked
package org.kalkan.platform.internal;

import org.jspecify.annotations.NullMarked;
