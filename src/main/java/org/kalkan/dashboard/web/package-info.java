/** The dashboard page, its panels (fragments fetched through each module's API) and their live signals. */
@NullMarked
package org.kalkan.dashboard.web;

import org.jspecify.annotations.NullMarked;
