/** Flash alerts: recipients resolved per user, acknowledgement deadlines, escalation, live inbox and e-mail. */
@NullMarked
package org.kalkan.notification;

import org.jspecify.annotations.NullMarked;
