/** The co-production API (JSON and MSPDI) and its pages. */
@NullMarked
package org.kalkan.industry.web;

import org.jspecify.annotations.NullMarked;
