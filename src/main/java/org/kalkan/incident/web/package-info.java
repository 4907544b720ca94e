/** The incident module's JSON API and pages. */
@NullMarked
package org.kalkan.incident.web;

import org.jspecify.annotations.NullMarked;
