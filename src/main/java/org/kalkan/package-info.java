/** The Kalkan node: the application class; each module is a package below this one. */
@NullMarked
package org.kalkan;

import org.jspecify.annotations.NullMarked;
