package org.kalkan.council.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.council.CouncilProperties;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.members.NationStatus;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.ExerciseContexts;
import org.kalkan.security.FixedNations;
import org.kalkan.security.Role;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The rules of a decision that binds the members, without a node: every member state can read it and object
 * (releasable to each, a delegate of each cleared for it), and its silence lasts the minimum (shorter only with a
 * recorded urgency, never below the urgent minimum). The organisation and its delegates are held in memory; the
 * access decision is the real policy's.
 */
class BindingRulesTests {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final List<String> MEMBER_STATES = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB");

    private final Map<String, List<UserSummary>> delegates = new java.util.HashMap<>();
    private BindingRules rules;

    @BeforeEach
    void organisation() {
        FixedNations nations = new FixedNations();
        MemberStates members = mock(MemberStates.class);
        List<Nation> all = new ArrayList<>();
        MEMBER_STATES.forEach(m -> all.add(new Nation(NationCode.of(m), m, NationStatus.MEMBER)));
        all.add(new Nation(NationCode.of("HUN"), "HUN", NationStatus.OBSERVER));
        when(members.nations()).thenReturn(all);
        when(members.expand(any())).thenAnswer(call -> nations.expand(call.getArgument(0)));
        MEMBER_STATES.forEach(m -> delegates.put(m, new ArrayList<>(List.of(delegate(m, Classification.SECRET)))));
        delegates.put("HUN", new ArrayList<>(List.of(new UserSummary("hun.observer", "HUN", NationCode.of("HUN"),
                Classification.CONFIDENTIAL, Set.of(Role.OBSERVER), true, null))));
        UserDirectory users = mock(UserDirectory.class);
        when(users.ofNation(any())).thenAnswer(call -> List.copyOf(
                delegates.getOrDefault(call.<NationCode>getArgument(0).value(), List.of())));
        AccessPolicy policy = new AccessPolicy(nations, mock(AuditTrail.class));
        CouncilProperties properties = new CouncilProperties(Duration.ofSeconds(1), Duration.ofDays(30),
                Duration.ofHours(24), Duration.ofHours(1), "JDC");
        rules = new BindingRules(members, users, policy,
                new StaticListableBeanFactory().getBeanProvider(ExerciseContexts.class), properties);
    }

    @Test
    void aDecisionReleasableToEveryMemberStateThatEveryDelegateMayReadBinds() {
        assertThat(rules.labelFaults(SecurityLabel.of(Classification.SECRET, "MEMBERS"), NationCode.of("KAZ"), null))
                .isEmpty();
        assertThat(rules.labelFaults(SecurityLabel.of(Classification.RESTRICTED, "AZE", "KAZ", "KGZ", "TUR", "UZB"),
                NationCode.of("KAZ"), null)).as("the member states by name").isEmpty();
    }

    @Test
    void aDecisionSomeMemberStateMayNotReadIsRefusedNamingThatMemberState() {
        List<String> faults = rules.labelFaults(SecurityLabel.of(Classification.RESTRICTED, "AZE", "KAZ", "TUR"),
                NationCode.of("KAZ"), null);
        assertThat(faults).hasSize(1);
        assertThat(faults.get(0)).startsWith("it is not releasable to member state KGZ, UZB");
    }

    @Test
    void aDelegateNotClearedForTheDecisionIsNamed() {
        delegates.get("UZB").add(delegate("UZB", Classification.RESTRICTED));
        assertThat(rules.labelFaults(SecurityLabel.of(Classification.CONFIDENTIAL, "MEMBERS"), NationCode.of("KAZ"),
                null)).containsExactly("delegate uzb.delegate2 of UZB (cleared RESTRICTED) cannot read it "
                + "(CONFIDENTIAL // REL TO MEMBERS)");
    }

    @Test
    void aMemberStateWithoutADelegateCannotObjectSoNothingBindsIt() {
        delegates.get("KGZ").clear();
        assertThat(rules.labelFaults(SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"), NationCode.of("KAZ"),
                null)).containsExactly("member state KGZ has no Council delegate to read it and object");
    }

    @Test
    void observersAreNeverRequiredToReadADecision() {
        assertThat(rules.labelFaults(SecurityLabel.of(Classification.SECRET, "MEMBERS"), NationCode.of("KAZ"), null))
                .as("the observer is cleared CONFIDENTIAL only and is not in MEMBERS").isEmpty();
        assertThat(rules.delegates(null)).doesNotContainKey(NationCode.of("HUN"));
    }

    @Test
    void aSilenceShorterThanTheMinimumIsRefusedUnlessTheChairRecordsAnUrgency() {
        assertThat(rules.silenceFaults(NOW, NOW.plus(Duration.ofHours(24)), null)).isEmpty();
        assertThat(rules.silenceFaults(NOW, NOW.plus(Duration.ofHours(24)).minusMillis(1), null)).singleElement()
                .asString().contains("shorter than the minimum PT24H").contains("record an urgency");
        assertThat(rules.silenceFaults(NOW, NOW.plus(Duration.ofHours(2)), "Border clashes at Batken")).isEmpty();
    }

    @Test
    void evenAnUrgentSilenceLastsItsOwnMinimum() {
        assertThat(rules.silenceFaults(NOW, NOW.plus(Duration.ofHours(1)), "Border clashes at Batken")).isEmpty();
        assertThat(rules.silenceFaults(NOW, NOW.plus(Duration.ofMinutes(59)), "Border clashes at Batken"))
                .singleElement().asString().contains("shorter than the minimum even for an urgent decision, PT1H");
    }

    @Test
    void inAnExerciseOnlyTheDelegatesWhoMayEnterItTakePart() {
        // No exercise contexts on this node: nobody may enter, so no member state has a taking-part delegate.
        UUID exercise = UUID.randomUUID();
        assertThat(rules.delegates(exercise).values()).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(rules.labelFaults(SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"), NationCode.of("KAZ"),
                exercise)).as("an exercise decision needs no delegate of every member state").isEmpty();
    }

    private static UserSummary delegate(String nation, Classification clearance) {
        String name = nation.toLowerCase() + ".delegate" + (clearance == Classification.SECRET ? "" : "2");
        return new UserSummary(name, nation + " delegate", NationCode.of(nation), clearance,
                Set.of(Role.COUNCIL_DELEGATE), true, null);
    }
}
