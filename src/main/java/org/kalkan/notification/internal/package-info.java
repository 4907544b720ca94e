/** The notification module's private implementation: stores (SQL), pollers and listeners. */
@NullMarked
package org.kalkan.notification.internal;

import org.jspecify.annotations.NullMarked;
