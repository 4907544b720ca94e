package org.kalkan.members;

import java.util.Collection;
import java.util.Set;
import org.kalkan.shared.NationCode;

/** What the access policy needs to know about nations and communities. */
public interface NationDirectory {

    boolean isKnownNation(String code);

    boolean isKnownReleasabilityEntry(String entry);

    /** The names of all communities the nation belongs to. */
    Set<String> communitiesOf(NationCode nation);

    /** Every nation code and community name known to this node. */
    Set<String> releasabilityEntries();

    /** The nations a releasability reaches, communities expanded; unknown entries reach nobody. */
    Set<NationCode> expand(Collection<String> releasableTo);
}
