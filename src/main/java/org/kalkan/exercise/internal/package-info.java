/** The exercise module's private implementation: stores (SQL), pollers and listeners. */
@NullMarked
package org.kalkan.exercise.internal;

import org.jspecify.annotations.NullMarked;
