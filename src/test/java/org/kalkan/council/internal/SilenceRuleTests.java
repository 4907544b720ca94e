package org.kalkan.council.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.council.internal.DecisionRows.DEADLINE;
import static org.kalkan.council.internal.DecisionRows.underConsensus;
import static org.kalkan.council.internal.DecisionRows.underSilence;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.SilenceBreak;
import org.kalkan.shared.NationCode;

/**
 * The silence procedure as a rule, without a node: a decision under silence is adopted at exactly its deadline unless
 * a member state breaks silence strictly before it, each member state once per version.
 */
class SilenceRuleTests {

    private static final NationCode KAZ = NationCode.of("KAZ");
    private static final NationCode TUR = NationCode.of("TUR");

    @Test
    void silenceIsBrokenWhenAMemberObjectsOneMillisecondBeforeTheDeadline() {
        assertThat(SilenceRule.refusal(underSilence(), List.of(), KAZ, DEADLINE.minusMillis(1))).isEmpty();
    }

    @Test
    void aBreakAtTheDeadlineItselfIsRefusedBecauseTheDecisionIsAdoptedThen() {
        assertThat(SilenceRule.refusal(underSilence(), List.of(), KAZ, DEADLINE)).get().asString()
                .startsWith("Silence ended at " + DEADLINE);
        assertThat(SilenceRule.refusal(underSilence(), List.of(), KAZ, DEADLINE.plusMillis(1))).isPresent();
    }

    @Test
    void theSilenceEndsAtExactlyItsDeadlineWhetherOrNotAnyoneNotices() {
        assertThat(underSilence().silenceEndedBy(DEADLINE.minusMillis(1))).isFalse();
        assertThat(underSilence().silenceEndedBy(DEADLINE)).isTrue();
        assertThat(underSilence().silenceEndedBy(DEADLINE.plusSeconds(86_400))).as("a poll a day late").isTrue();
    }

    @Test
    void aBrokenSilenceNeverEndsInAdoption() {
        DecisionRow broken = underSilence(DecisionStatus.SILENCE_BROKEN, 1);
        assertThat(broken.silenceEndedBy(DEADLINE.plusSeconds(60))).isFalse();
        assertThat(underConsensus().silenceEndedBy(DEADLINE.plusSeconds(60))).isFalse();
    }

    @Test
    void eachMemberStateBreaksSilenceOncePerVersionAndOthersMayJoinBeforeTheDeadline() {
        DecisionRow broken = underSilence(DecisionStatus.SILENCE_BROKEN, 1);
        List<SilenceBreak> byKaz = List.of(new SilenceBreak(1, KAZ, "Move the area north.", "kaz.delegate",
                DEADLINE.minusSeconds(60)));

        assertThat(SilenceRule.refusal(broken, byKaz, KAZ, DEADLINE.minusSeconds(30))).get().asString()
                .isEqualTo("KAZ has already broken silence on version 1.");
        assertThat(SilenceRule.refusal(broken, byKaz, TUR, DEADLINE.minusSeconds(30))).as("TUR joins").isEmpty();
        assertThat(SilenceRule.refusal(broken, byKaz, TUR, DEADLINE)).as("not after the deadline").isPresent();
    }

    @Test
    void aRevisedVersionMayBeBrokenAgainByTheSameMemberState() {
        // Only the current version's breaks count: those of version 1 are not passed for version 2.
        assertThat(SilenceRule.refusal(underSilence(DecisionStatus.UNDER_SILENCE, 2), List.of(), KAZ,
                DEADLINE.minusSeconds(1))).isEmpty();
    }

    @Test
    void aDecisionTakenByConsensusOrAlreadyFinalTakesNoBreak() {
        assertThat(SilenceRule.refusal(underConsensus(), List.of(), KAZ, DEADLINE.minusSeconds(1))).get().asString()
                .contains("take a position instead");
        for (DecisionStatus status : List.of(DecisionStatus.ADOPTED, DecisionStatus.NOT_ADOPTED)) {
            assertThat(SilenceRule.refusal(underSilence(status, 1), List.of(), KAZ, DEADLINE.minusSeconds(1)))
                    .as(status.name()).get().asString().contains("can no longer change");
        }
    }
}
