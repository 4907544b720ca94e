/** The CAP gateway over HTTP: the inbound API, the public CAP/Atom/EDXL-DE endpoints, and the incoming-messages page. */
@NullMarked
package org.kalkan.interop.cap.web;

import org.jspecify.annotations.NullMarked;
