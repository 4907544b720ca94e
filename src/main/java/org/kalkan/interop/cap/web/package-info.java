/** The CAP gateway over HTTP: the inbound API, the public CAP, Atom and EDXL-DE endpoints, the messages page. */
@NullMarked
package org.kalkan.interop.cap.web;

import org.jspecify.annotations.NullMarked;
