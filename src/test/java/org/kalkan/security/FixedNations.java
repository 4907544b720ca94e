package org.kalkan.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kalkan.members.NationDirectory;
import org.kalkan.shared.NationCode;

/** The organisation as seeded by the migration, held in memory for tests of the policy (and of label rules) alone. */
public final class FixedNations implements NationDirectory {

    static final Set<String> MEMBERS = Set.of("AZE", "KAZ", "KGZ", "TUR", "UZB");
    static final Set<String> OBSERVERS = Set.of("HUN", "TKM");
    static final Map<String, Set<String>> COMMUNITIES = Map.of(
            "MEMBERS", MEMBERS,
            "ALL", union(MEMBERS, OBSERVERS));

    @Override
    public boolean isKnownNation(String code) {
        return MEMBERS.contains(code) || OBSERVERS.contains(code);
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
        all.addAll(MEMBERS);
        all.addAll(OBSERVERS);
        return all;
    }

    @Override
    public Set<NationCode> expand(Collection<String> releasableTo) {
        Set<NationCode> nations = new HashSet<>();
        for (String entry : releasableTo) {
            if (isKnownNation(entry)) {
                nations.add(NationCode.of(entry));
            }
            COMMUNITIES.getOrDefault(entry, Set.of()).forEach(n -> nations.add(NationCode.of(n)));
        }
        return nations;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
