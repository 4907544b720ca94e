package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** The read rule, checked against an independent oracle written straight from its definition. */
class AccessPolicyProperties {

    private static final List<String> NATIONS = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM", "USA");
    private static final List<String> ENTRIES = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM", "USA",
            "MEMBERS", "ALL", "NATO", "FIVE_EYES");

    // Only canRead is exercised here, which never writes to the audit trail.
    private final AccessPolicy policy = new AccessPolicy(new FixedNations(), null);

    @Property(tries = 5000)
    void readDecisionMatchesTheOracle(@ForAll("subjects") Subject subject, @ForAll("labels") SecurityLabel label,
            @ForAll("originators") NationCode originator) {
        assertThat(policy.canRead(subject, label, originator)).isEqualTo(oracle(subject, label, originator));
    }

    @Property(tries = 2000)
    void observersSeeOnlyWhatIsReleasedToThemOrToAll(@ForAll("labels") SecurityLabel label,
            @ForAll("originators") NationCode originator) {
        Subject observer = new Subject("hun.observer", NationCode.of("HUN"), Classification.SECRET,
                EnumSet.of(Role.OBSERVER));
        if (policy.canRead(observer, label, originator) && !originator.value().equals("HUN")) {
            assertThat(label.releasableTo()).containsAnyOf("HUN", "ALL");
        }
    }

    @Property(tries = 1000)
    void aMissingLabelIsNeverReadable(@ForAll("subjects") Subject subject, @ForAll("originators") NationCode o) {
        assertThat(policy.canRead(subject, null, o)).isFalse();
    }

    @Property(tries = 2000)
    void raisingTheClearanceNeverLosesAccess(@ForAll("subjects") Subject subject, @ForAll("labels") SecurityLabel l,
            @ForAll("originators") NationCode originator) {
        Subject cleared = new Subject(subject.username(), subject.nation(), Classification.SECRET, subject.roles());
        if (policy.canRead(subject, l, originator)) {
            assertThat(policy.canRead(cleared, l, originator)).isTrue();
        }
    }

    /** Straight from the definition: clearance dominates, and nation released (communities expanded) or origin. */
    private static boolean oracle(Subject subject, SecurityLabel label, NationCode originator) {
        String nation = subject.nation().value();
        boolean nationKnown = FixedNations.MEMBERS.contains(nation) || FixedNations.OBSERVERS.contains(nation);
        boolean labelValid = label.releasableTo().stream().allMatch(e -> FixedNations.MEMBERS.contains(e)
                || FixedNations.OBSERVERS.contains(e) || FixedNations.COMMUNITIES.containsKey(e));
        if (!nationKnown || !labelValid) {
            return false;
        }
        if (subject.clearance().ordinal() < label.classification().ordinal()) {
            return false;
        }
        if (nation.equals(originator.value())) {
            return true;
        }
        Set<String> reached = new TreeSet<>();
        for (String entry : label.releasableTo()) {
            reached.addAll(FixedNations.COMMUNITIES.getOrDefault(entry, Set.of(entry)));
        }
        return reached.contains(nation);
    }

    @Provide
    Arbitrary<Subject> subjects() {
        return Combinators.combine(Arbitraries.of(NATIONS), Arbitraries.of(Classification.class),
                        Arbitraries.of(Role.class).set().ofMaxSize(3))
                .as((nation, clearance, roles) -> new Subject("user", NationCode.of(nation), clearance,
                        roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)));
    }

    @Provide
    Arbitrary<SecurityLabel> labels() {
        return Combinators.combine(Arbitraries.of(Classification.class),
                        Arbitraries.of(ENTRIES).set().ofMinSize(1).ofMaxSize(4))
                .as(SecurityLabel::of);
    }

    @Provide
    Arbitrary<NationCode> originators() {
        return Arbitraries.of(NATIONS).map(NationCode::of);
    }
}
