/** Web controllers of the exercise module: pages and the JSON API, package-private. */
@NullMarked
package org.kalkan.exercise.web;

import org.jspecify.annotations.NullMarked;
