/** A TAK-compatible Cursor-on-Target streaming server, its certificate authority and enrolment. */
@NullMarked
package org.kalkan.interop.cot;

import org.jspecify.annotations.NullMarked;
