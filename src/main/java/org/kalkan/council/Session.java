package org.kalkan.council;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/** A session of the Council: its date, its agenda (the consultations the reader may see) and its minutes. */
public record Session(UUID id, LocalDate heldOn, boolean extraordinary, @Nullable String minutes, SecurityLabel label,
        List<Consultation> agenda) {

    public Session {
        agenda = List.copyOf(agenda);
    }
}
