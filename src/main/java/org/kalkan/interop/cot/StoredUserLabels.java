package org.kalkan.interop.cot;

import java.util.Optional;
import org.kalkan.shared.SecurityLabel;

/** The default labels users chose for the CoT they send without one (stored in {@code internal}). */
public interface StoredUserLabels {

    /** The label the user chose, if they chose one. */
    Optional<SecurityLabel> find(String username);

    /** Sets (or replaces) the user's label. */
    void save(String username, SecurityLabel label);
}
