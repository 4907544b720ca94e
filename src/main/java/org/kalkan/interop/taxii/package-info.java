/** A TAXII 2.1 server for STIX 2.1 threat intelligence whose every answer the access policy filters; labels travel as markings. */
@NullMarked
package org.kalkan.interop.taxii;

import org.jspecify.annotations.NullMarked;
