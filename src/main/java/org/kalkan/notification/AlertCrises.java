package org.kalkan.notification;

import java.util.UUID;
import org.kalkan.security.Subject;

/**
 * The crisis an alert names ({@code crisisId}) belongs to the crisis module, which resolves it for the sender: the
 * crisis must exist, the sender must be allowed to read it (label and crisis team) and it must be of the sender's
 * context — otherwise the alert is refused, and its escalations can never write into a crisis the sender could not
 * see. Implemented by {@code crisis}; without an implementation an alert naming a crisis is refused (fails closed).
 */
public interface AlertCrises {

    /** Throws {@link org.kalkan.shared.NotFoundException} unless the sender may see the crisis in their context. */
    void requireReadable(Subject sender, UUID crisisId);
}
