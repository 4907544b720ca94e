package org.kalkan.security;

import java.util.List;
import java.util.Optional;
import org.kalkan.shared.NationCode;

/** Looks up users for other modules: recipients of alerts, delegates of a nation, members of a crisis team. */
public interface UserDirectory {

    Optional<UserSummary> find(String username);

    /** Enabled users holding the role, ordered by username. */
    List<UserSummary> withRole(Role role);

    /** Enabled users of the nation, ordered by username. */
    List<UserSummary> ofNation(NationCode nation);

    /** Every user, enabled or not, ordered by username. */
    List<UserSummary> all();
}
