package org.kalkan.federation;

import org.jspecify.annotations.Nullable;

/**
 * What an uploaded file did: a batch ({@code entries} received, {@code applied}, {@code quarantined}) answered by a
 * signed acknowledgement of the cursor this node now holds, to carry back; or an acknowledgement, which moves what
 * the next export to that peer starts from.
 */
public record ImportResult(NodeId from, Kind kind, long entries, long applied, long quarantined, String cursor,
        byte @Nullable [] acknowledgement) {

    public enum Kind {
        BATCH,
        ACKNOWLEDGEMENT
    }
}
