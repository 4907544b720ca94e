/** Web controllers of the notification module: pages and the JSON API, package-private. */
@NullMarked
package org.kalkan.notification.web;

import org.jspecify.annotations.NullMarked;
