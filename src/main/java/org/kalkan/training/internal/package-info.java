/** The training module's services, stores (SQL), seat allocator, poller and listeners; private to the module. */
@NullMarked
package org.kalkan.training.internal;

import org.jspecify.annotations.NullMarked;
