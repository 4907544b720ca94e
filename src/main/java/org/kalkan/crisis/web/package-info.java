/** Web controllers of the crisis module: pages and the JSON API, package-private. */
@NullMarked
package org.kalkan.crisis.web;

import org.jspecify.annotations.NullMarked;
