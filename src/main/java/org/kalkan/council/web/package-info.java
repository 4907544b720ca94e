/** Web controllers of the council module: pages and the JSON API, package-private. */
@NullMarked
package org.kalkan.council.web;

import org.jspecify.annotations.NullMarked;
