/** A TAXII 2.1 server for STIX 2.1 intelligence whose every answer the access policy filters; labels are markings. */
@NullMarked
package org.kalkan.interop.taxii;

import org.jspecify.annotations.NullMarked;
