package org.kalkan.members;

import java.util.List;
import java.util.Optional;

/**
 * The nations and communities of the organisation. Read on every access decision, so held in memory and reloaded
 * from the database every minute (the list changes when a nation joins, not per request).
 */
public interface MemberStates extends NationDirectory {

    List<Nation> nations();

    Optional<Nation> nation(org.kalkan.shared.NationCode code);

    List<Community> communities();

    Optional<Community> community(String name);
}
