package org.kalkan.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CrisisPhaseTests {

    @Test
    void aCrisisMovesOnePhaseForwardOrOneBackAndClosedIsFinal() {
        assertThat(CrisisPhase.INDICATIONS_AND_WARNING.next()).containsExactly(CrisisPhase.ASSESSMENT);
        assertThat(CrisisPhase.PLANNING.next()).containsExactly(CrisisPhase.EXECUTION, CrisisPhase.RESPONSE_OPTIONS);
        assertThat(CrisisPhase.TRANSITION.canMoveTo(CrisisPhase.CLOSED)).isTrue();
        assertThat(CrisisPhase.ASSESSMENT.canMoveTo(CrisisPhase.EXECUTION)).isFalse();
        assertThat(CrisisPhase.ASSESSMENT.canMoveTo(CrisisPhase.CLOSED)).isFalse();
        assertThat(CrisisPhase.CLOSED.next()).isEmpty();
        for (CrisisPhase phase : CrisisPhase.values()) {
            assertThat(phase.canMoveTo(phase)).as(phase.name()).isFalse();
        }
    }

    @Test
    void ownersAndAlertTargetsAreCheckedWhenMade() {
        assertThatThrownBy(() -> new TaskOwner(TaskOwner.Kind.NATION, "Turkey"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaskOwner(TaskOwner.Kind.USER, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TaskOwner(TaskOwner.Kind.CELL, "J2 intelligence").toString()).isEqualTo("cell J2 intelligence");
        assertThatThrownBy(() -> AlertTarget.nation("kaz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlertTarget.region("<script>")).isInstanceOf(IllegalArgumentException.class);
        assertThat(AlertTarget.region("Fergana Valley").toString()).isEqualTo("REGION:Fergana Valley");
    }
}
