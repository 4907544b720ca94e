/** The crisis module's private implementation: stores (SQL), pollers and listeners. */
@NullMarked
package org.kalkan.crisis.internal;

import org.jspecify.annotations.NullMarked;
