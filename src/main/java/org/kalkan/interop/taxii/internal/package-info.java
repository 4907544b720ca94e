/** STIX validation, label markings, the object store and the envelope intake of the TAXII server. */
@NullMarked
package org.kalkan.interop.taxii.internal;

import org.jspecify.annotations.NullMarked;
