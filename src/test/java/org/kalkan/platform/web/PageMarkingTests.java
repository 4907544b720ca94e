package org.kalkan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kalkan.members.NationDirectory;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** The banner: the highest classification shown and the releasability common to everything on the page. */
class PageMarkingTests {

    private static final Set<String> MEMBERS = Set.of("AZE", "KAZ", "KGZ", "TUR", "UZB");
    private static final Map<String, Set<String>> COMMUNITIES = Map.of("MEMBERS", MEMBERS,
            "ALL", Set.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM"));

    private final RequestPageMarking page = new RequestPageMarking(new Organisation());

    @Test
    void aPageWithoutLabelledRecordsIsUnclassifiedWithoutReleasability() {
        assertThat(page.banner()).isEqualTo("UNCLASSIFIED");
        assertThat(page.cssClass()).isEqualTo("banner-unclassified");
    }

    @Test
    void oneRecordGivesItsOwnMarking() {
        page.show(SecurityLabel.of(Classification.CONFIDENTIAL, "TUR", "AZE"));
        assertThat(page.banner()).isEqualTo("CONFIDENTIAL // REL TO AZE, TUR");
    }

    @Test
    void theBannerCarriesTheHighestClassificationAndOnlyWhatEveryRecordMayBeReleasedTo() {
        page.show(SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"));
        page.show(SecurityLabel.of(Classification.SECRET, "AZE", "KAZ", "TUR"));
        page.show(SecurityLabel.of(Classification.CONFIDENTIAL, "TUR", "KAZ", "HUN"));
        assertThat(page.banner()).isEqualTo("SECRET // REL TO KAZ, TUR");
        assertThat(page.cssClass()).isEqualTo("banner-secret");
    }

    @Test
    void aCommunityEveryRecordReachesStaysNamed() {
        page.show(SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"));
        page.show(SecurityLabel.of(Classification.RESTRICTED, "ALL"));
        page.show(SecurityLabel.of(Classification.UNCLASSIFIED, "MEMBERS", "HUN"));
        assertThat(page.banner()).isEqualTo("RESTRICTED // REL TO MEMBERS");
    }

    @Test
    void recordsWithNoCommonReaderLeaveOnlyTheClassification() {
        page.show(SecurityLabel.of(Classification.RESTRICTED, "AZE"));
        page.show(SecurityLabel.of(Classification.RESTRICTED, "KAZ"));
        assertThat(page.releasableTo()).isEmpty();
        assertThat(page.banner()).isEqualTo("RESTRICTED");
    }

    /** Members and observers as the migration seeds them. */
    private static final class Organisation implements NationDirectory {

        @Override
        public boolean isKnownNation(String code) {
            return COMMUNITIES.get("ALL").contains(code);
        }

        @Override
        public boolean isKnownReleasabilityEntry(String entry) {
            return isKnownNation(entry) || COMMUNITIES.containsKey(entry);
        }

        @Override
        public Set<String> communitiesOf(NationCode nation) {
            Set<String> names = new TreeSet<>();
            COMMUNITIES.forEach((name, nations) -> {
                if (nations.contains(nation.value())) {
                    names.add(name);
                }
            });
            return names;
        }

        @Override
        public Set<String> releasabilityEntries() {
            Set<String> all = new TreeSet<>(COMMUNITIES.keySet());
            all.addAll(COMMUNITIES.get("ALL"));
            return all;
        }

        @Override
        public Set<NationCode> expand(Collection<String> releasableTo) {
            Set<NationCode> nations = new HashSet<>();
            for (String entry : releasableTo) {
                List.copyOf(COMMUNITIES.getOrDefault(entry, isKnownNation(entry) ? Set.of(entry) : Set.of()))
                        .forEach(n -> nations.add(NationCode.of(n)));
            }
            return nations;
        }
    }
}
