/** The training module's JSON API, its xAPI Learning Record Store endpoint and its pages. */
@NullMarked
package org.kalkan.training.web;

import org.jspecify.annotations.NullMarked;
