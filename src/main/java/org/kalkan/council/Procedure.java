package org.kalkan.council;

/** How the Council decides: by consensus of every member, or by silence until a deadline. */
public enum Procedure {
    /** Adopted at the deadline unless a member delegate breaks silence before it. */
    SILENCE,
    /** Every member delegate takes a position; the chair closes it. */
    CONSENSUS
}
