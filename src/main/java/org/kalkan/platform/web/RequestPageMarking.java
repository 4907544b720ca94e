package org.kalkan.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.kalkan.members.NationDirectory;
import org.kalkan.platform.PageMarking;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/** The page marking of one request: the labels of what it shows, collected as the controllers show them. */
@Component("pageMarking")
@RequestScope
class RequestPageMarking implements PageMarking {

    private final List<SecurityLabel> labels = new ArrayList<>();
    private final NationDirectory nations;

    RequestPageMarking(NationDirectory nations) {
        this.nations = nations;
    }

    @Override
    public void show(SecurityLabel label) {
        labels.add(label);
    }

    @Override
    public Classification classification() {
        return labels.stream().map(SecurityLabel::classification)
                .max(Enum::compareTo)
                .orElse(Classification.UNCLASSIFIED);
    }

    @Override
    public SortedSet<String> releasableTo() {
        return common(labels, nations);
    }

    @Override
    public String banner() {
        SortedSet<String> common = releasableTo();
        return common.isEmpty() ? classification().name()
                : classification().name() + " // REL TO " + String.join(", ", common);
    }

    @Override
    public String cssClass() {
        return "banner-" + classification().name().toLowerCase(Locale.ROOT);
    }

    /**
     * What every label allows: the labels' own entries when they all name the same; otherwise the nations each of
     * them reaches, named by the communities among the entries that lie wholly inside that set (largest first) and
     * then the remaining nations.
     */
    static SortedSet<String> common(List<SecurityLabel> labels, NationDirectory nations) {
        if (labels.isEmpty()) {
            return new TreeSet<>();
        }
        SortedSet<String> first = labels.get(0).releasableTo();
        if (labels.stream().allMatch(l -> l.releasableTo().equals(first))) {
            return new TreeSet<>(first);
        }
        Set<NationCode> reach = new HashSet<>(nations.expand(first));
        Set<String> entries = new TreeSet<>();
        for (SecurityLabel label : labels) {
            reach.retainAll(nations.expand(label.releasableTo()));
            entries.addAll(label.releasableTo());
        }
        SortedSet<String> named = new TreeSet<>();
        Set<NationCode> covered = new HashSet<>();
        entries.stream().filter(e -> !nations.isKnownNation(e))
                .map(e -> new Group(e, nations.expand(Set.of(e))))
                .filter(g -> !g.nations().isEmpty() && reach.containsAll(g.nations()))
                .sorted(Comparator.comparingInt((Group g) -> g.nations().size()).reversed())
                .forEach(g -> {
                    if (!covered.containsAll(g.nations())) {
                        named.add(g.name());
                        covered.addAll(g.nations());
                    }
                });
        reach.stream().filter(n -> !covered.contains(n)).map(NationCode::value).forEach(named::add);
        return named;
    }

    private record Group(String name, Set<NationCode> nations) {
    }
}
