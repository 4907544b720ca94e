/** The CAP 1.2 gateway: national warnings in as reports, public alerts out as signed CAP, Atom and EDXL-DE. */
@NullMarked
package org.kalkan.interop.cap;

import org.jspecify.annotations.NullMarked;
