/** The web shell of every page, and the one place where refusals and bad input become problems and error pages. */
@NullMarked
package org.kalkan.platform.web;

import org.jspecify.annotations.NullMarked;
