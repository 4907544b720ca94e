package org.kalkan.council.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.Position;
import org.kalkan.council.PositionKind;
import org.kalkan.shared.NationCode;

/**
 * The consensus rule as the chair's closing counts it, without a node: adopted only when every member state
 * concurs, with reservations noted; one non-concurrence or one silent member state and it is not adopted.
 */
class ConsensusTallyTests {

    private static final List<NationCode> MEMBER_STATES = List.of(NationCode.of("AZE"), NationCode.of("KAZ"),
            NationCode.of("KGZ"), NationCode.of("TUR"), NationCode.of("UZB"));

    @Test
    void aDecisionEveryMemberStateConcursWithIsAdopted() {
        ConsensusTally tally = ConsensusTally.of(MEMBER_STATES, positions(everyMemberState(PositionKind.CONCUR)));
        assertThat(tally.consensus()).isTrue();
        assertThat(tally.outcome()).isEqualTo(DecisionStatus.ADOPTED);
    }

    @Test
    void aConcurrenceWithReservationStillAdoptsButSaysSo() {
        Map<String, PositionKind> kinds = everyMemberState(PositionKind.CONCUR);
        kinds.put("KAZ", PositionKind.CONCUR_WITH_RESERVATION);
        assertThat(ConsensusTally.of(MEMBER_STATES, positions(kinds)).outcome())
                .isEqualTo(DecisionStatus.ADOPTED_WITH_RESERVATIONS);
    }

    @Test
    void oneNonConcurringMemberStateBlocksTheDecisionAndIsNamed() {
        Map<String, PositionKind> kinds = everyMemberState(PositionKind.CONCUR_WITH_RESERVATION);
        kinds.put("KGZ", PositionKind.NON_CONCUR);
        ConsensusTally tally = ConsensusTally.of(MEMBER_STATES, positions(kinds));
        assertThat(tally.outcome()).isEqualTo(DecisionStatus.NOT_ADOPTED);
        assertThat(tally.nonConcurring()).containsExactly(NationCode.of("KGZ"));
        assertThat(tally.withoutPosition()).isEmpty();
    }

    @Test
    void aMemberStateThatTookNoPositionBlocksTheDecisionToo() {
        ConsensusTally tally = ConsensusTally.of(MEMBER_STATES, positions(Map.of("AZE", PositionKind.CONCUR,
                "KAZ", PositionKind.CONCUR, "TUR", PositionKind.CONCUR)));
        assertThat(tally.outcome()).isEqualTo(DecisionStatus.NOT_ADOPTED);
        assertThat(tally.withoutPosition()).containsExactly(NationCode.of("KGZ"), NationCode.of("UZB"));
    }

    @Test
    void aPositionOfAnyoneButAMemberStateCountsForNothing() {
        Map<String, PositionKind> kinds = new TreeMap<>(Map.of("AZE", PositionKind.CONCUR, "KAZ",
                PositionKind.CONCUR, "KGZ", PositionKind.CONCUR, "TUR", PositionKind.CONCUR, "HUN",
                PositionKind.NON_CONCUR));
        ConsensusTally tally = ConsensusTally.of(MEMBER_STATES, positions(kinds));
        assertThat(tally.nonConcurring()).as("an observer's objection").isEmpty();
        assertThat(tally.withoutPosition()).as("nor does it stand in for a member state")
                .containsExactly(NationCode.of("UZB"));
    }

    /** Over every combination: adopted exactly when each member state concurs, with or without reservation. */
    @Property(tries = 300)
    void adoptedExactlyWhenEveryMemberStateConcurs(@ForAll("positions") Map<String, PositionKind> kinds) {
        ConsensusTally tally = ConsensusTally.of(MEMBER_STATES, positions(kinds));
        boolean everyoneConcurs = MEMBER_STATES.stream().allMatch(m -> kinds.containsKey(m.value())
                && kinds.get(m.value()) != PositionKind.NON_CONCUR);
        assertThat(tally.outcome().isAdopted()).isEqualTo(everyoneConcurs);
        assertThat(tally.outcome() == DecisionStatus.ADOPTED_WITH_RESERVATIONS).isEqualTo(everyoneConcurs
                && kinds.containsValue(PositionKind.CONCUR_WITH_RESERVATION));
        MEMBER_STATES.forEach(member -> {
            PositionKind kind = kinds.get(member.value());
            assertThat(tally.withoutPosition().contains(member)).isEqualTo(kind == null);
            assertThat(tally.nonConcurring().contains(member)).isEqualTo(kind == PositionKind.NON_CONCUR);
        });
    }

    @Provide
    Arbitrary<Map<String, PositionKind>> positions() {
        return Arbitraries.maps(Arbitraries.of("AZE", "KAZ", "KGZ", "TUR", "UZB"),
                Arbitraries.of(PositionKind.class)).ofMaxSize(5);
    }

    private static Map<String, PositionKind> everyMemberState(PositionKind kind) {
        Map<String, PositionKind> kinds = new TreeMap<>();
        MEMBER_STATES.forEach(member -> kinds.put(member.value(), kind));
        return kinds;
    }

    private static List<Position> positions(Map<String, PositionKind> kinds) {
        List<Position> positions = new ArrayList<>();
        kinds.forEach((nation, kind) -> positions.add(new Position(1, NationCode.of(nation), kind,
                kind.needsStatement() ? "Statement of " + nation : null, nation.toLowerCase() + ".delegate",
                Instant.parse("2026-12-04T10:00:00Z"))));
        return positions;
    }
}
