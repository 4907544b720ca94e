package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.kalkan.shared.SecurityLabel;

/** The public-release rule (what a public CAP feed may carry), checked against an oracle from its definition. */
class PublicReleaseProperties {

    private static final List<String> ENTRIES = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM", "USA",
            "MEMBERS", "ALL", "NATO");

    private final AccessPolicy policy = new AccessPolicy(new FixedNations(), null);

    @Property(tries = 5000)
    void aLabelIsReleasedOnlyWhenOneEntryAloneReachesEveryoneTheReleaseReaches(@ForAll("labels") SecurityLabel label,
            @ForAll("labels") SecurityLabel release) {
        assertThat(policy.isReleasedTo(label, release)).isEqualTo(oracle(label, release));
    }

    @Property(tries = 2000)
    void nothingAboveUnclassifiedOrShortOfAllIsReleasedToAll(@ForAll("labels") SecurityLabel label) {
        SecurityLabel release = SecurityLabel.of(Classification.UNCLASSIFIED, "ALL");
        if (policy.isReleasedTo(label, release)) {
            assertThat(label.classification()).isEqualTo(Classification.UNCLASSIFIED);
            assertThat(label.releasableTo()).contains("ALL");
            assertThat(label.releasableTo()).allMatch(e -> !e.equals("USA") && !e.equals("NATO"));
        }
    }

    private static boolean oracle(SecurityLabel label, SecurityLabel release) {
        boolean known = label.releasableTo().stream().allMatch(PublicReleaseProperties::known)
                && release.releasableTo().stream().allMatch(PublicReleaseProperties::known);
        Set<String> audience = reach(release.releasableTo());
        if (!known || audience.isEmpty() || label.classification().ordinal() > release.classification().ordinal()) {
            return false;
        }
        return label.releasableTo().stream().anyMatch(entry -> reach(Set.of(entry)).containsAll(audience));
    }

    private static boolean known(String entry) {
        return FixedNations.MEMBERS.contains(entry) || FixedNations.OBSERVERS.contains(entry)
                || FixedNations.COMMUNITIES.containsKey(entry);
    }

    private static Set<String> reach(Set<String> entries) {
        Set<String> nations = new TreeSet<>();
        for (String entry : entries) {
            nations.addAll(FixedNations.COMMUNITIES.getOrDefault(entry,
                    FixedNations.MEMBERS.contains(entry) || FixedNations.OBSERVERS.contains(entry) ? Set.of(entry)
                            : Set.of()));
        }
        return nations;
    }

    @Provide
    Arbitrary<SecurityLabel> labels() {
        return Combinators.combine(Arbitraries.of(Classification.class),
                Arbitraries.of(ENTRIES).set().ofMinSize(1).ofMaxSize(4))
                .as(SecurityLabel::of);
    }
}
