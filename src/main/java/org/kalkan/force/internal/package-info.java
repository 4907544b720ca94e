/** The force module's private implementation: stores (SQL), pollers and listeners. */
@NullMarked
package org.kalkan.force.internal;

import org.jspecify.annotations.NullMarked;
