package org.kalkan.council;

/** Why a member requests consultations: what it considers threatened. */
public enum ThreatGround {
    TERRITORIAL_INTEGRITY,
    POLITICAL_INDEPENDENCE,
    SECURITY
}
