/** Web controllers of the force module: pages and the JSON API, package-private. */
@NullMarked
package org.kalkan.force.web;

import org.jspecify.annotations.NullMarked;
