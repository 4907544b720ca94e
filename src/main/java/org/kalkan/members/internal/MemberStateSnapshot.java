package org.kalkan.members.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kalkan.members.Community;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.members.NationStatus;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** {@link MemberStates} held in memory: loaded at start, reloaded every minute. */
@Service("memberStates")
class MemberStateSnapshot implements MemberStates {

    private final JdbcClient jdbc;
    /** Replaced whole by {@link #reload()}; loaded first in the constructor. */
    private volatile Snapshot snapshot;

    MemberStateSnapshot(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.snapshot = load();
    }

    @Override
    public List<Nation> nations() {
        return List.copyOf(snapshot.nations.values());
    }

    @Override
    public Optional<Nation> nation(NationCode code) {
        return Optional.ofNullable(snapshot.nations.get(code));
    }

    @Override
    public boolean isKnownNation(String code) {
        return NationCode.isValid(code) && snapshot.nations.containsKey(NationCode.of(code));
    }

    @Override
    public List<Community> communities() {
        return List.copyOf(snapshot.communities.values());
    }

    @Override
    public Optional<Community> community(String name) {
        return Optional.ofNullable(snapshot.communities.get(name));
    }

    /** True when the entry names a known nation or a known community. */
    @Override
    public boolean isKnownReleasabilityEntry(String entry) {
        return isKnownNation(entry) || snapshot.communities.containsKey(entry);
    }

    /** The names of all communities the nation belongs to. */
    @Override
    public Set<String> communitiesOf(NationCode nation) {
        return snapshot.communities.values().stream()
                .filter(c -> c.nations().contains(nation))
                .map(Community::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The nations a releasability reaches, communities expanded; unknown entries reach nobody. */
    @Override
    public Set<NationCode> expand(Collection<String> releasableTo) {
        Set<NationCode> nations = new HashSet<>();
        for (String entry : releasableTo) {
            if (isKnownNation(entry)) {
                nations.add(NationCode.of(entry));
            } else {
                community(entry).ifPresent(c -> nations.addAll(c.nations()));
            }
        }
        return nations;
    }

    @Override
    public Set<String> releasabilityEntries() {
        Snapshot current = snapshot;
        Set<String> entries = new TreeSet<>(current.communities.keySet());
        current.nations.keySet().forEach(code -> entries.add(code.value()));
        return entries;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void reload() {
        snapshot = load();
    }

    private Snapshot load() {
        Map<NationCode, Nation> nations = jdbc.sql("SELECT code, name, status FROM nation ORDER BY code")
                .query((rs, i) -> new Nation(NationCode.of(rs.getString("code")), rs.getString("name"),
                        NationStatus.valueOf(rs.getString("status"))))
                .list().stream()
                .collect(Collectors.toMap(Nation::code, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
        Map<String, Set<NationCode>> explicit = jdbc.sql("SELECT community, nation FROM community_nation")
                .query((rs, i) -> Map.entry(rs.getString("community"), NationCode.of(rs.getString("nation"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
        Map<String, Community> communities = jdbc.sql(
                        "SELECT name, description, includes_members, includes_observers FROM community ORDER BY name")
                .query((rs, i) -> {
                    Set<NationCode> members = new HashSet<>(explicit.getOrDefault(rs.getString("name"), Set.of()));
                    for (Nation n : nations.values()) {
                        if ((n.isMember() && rs.getBoolean("includes_members"))
                                || (!n.isMember() && rs.getBoolean("includes_observers"))) {
                            members.add(n.code());
                        }
                    }
                    return new Community(rs.getString("name"), rs.getString("description"), members);
                })
                .list().stream()
                .collect(Collectors.toMap(Community::name, Function.identity(), (a, b) -> a, java.util.TreeMap::new));
        return new Snapshot(nations, communities);
    }

    private record Snapshot(Map<NationCode, Nation> nations, Map<String, Community> communities) {
    }
}
