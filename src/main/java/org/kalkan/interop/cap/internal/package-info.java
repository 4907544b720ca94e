/** CAP and EDXL-DE on the wire: hardened parsing, schemas and rules, mapping, XML signatures, storage. */
@NullMarked
package org.kalkan.interop.cap.internal;

import org.jspecify.annotations.NullMarked;
