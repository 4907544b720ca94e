package org.kalkan.council.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Decision;
import org.kalkan.council.Position;
import org.kalkan.council.Procedure;
import org.kalkan.council.SilenceBreak;
import org.kalkan.shared.NationCode;

/** The positions board of a decision's current version: one row per member nation. */
record Board(List<Row> rows) {

    /** {@code state} completes the message key {@code council.board.<state>}. */
    record Row(String nation, String state, @Nullable String statement, @Nullable Instant at) {
    }

    static Board of(Decision decision, List<NationCode> members) {
        return new Board(members.stream().map(nation -> row(decision, nation)).toList());
    }

    private static Row row(Decision decision, NationCode nation) {
        if (decision.procedure() == Procedure.SILENCE) {
            Optional<SilenceBreak> broken = decision.currentBreaks().stream()
                    .filter(b -> b.nation().equals(nation)).findFirst();
            return broken.map(b -> new Row(nation.value(), "BROKE_SILENCE", b.statement(), b.brokenAt()))
                    .orElseGet(() -> new Row(nation.value(), "SILENT", null, null));
        }
        Optional<Position> position = decision.positionOf(nation);
        return position.map(p -> new Row(nation.value(), p.kind().name(), p.statement(), p.recordedAt()))
                .orElseGet(() -> new Row(nation.value(), "AWAITING", null, null));
    }
}
