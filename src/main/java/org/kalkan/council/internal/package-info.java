/** The council module's private implementation: stores (SQL), pollers and listeners. */
@NullMarked
package org.kalkan.council.internal;

import org.jspecify.annotations.NullMarked;
