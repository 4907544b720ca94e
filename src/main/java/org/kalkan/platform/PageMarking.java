package org.kalkan.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.kalkan.members.NationDirectory;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Collects the labels of everything a page shows, so the banner carries the highest classification on it and the
 * releasability common to all of it (what the page as a whole may be released to). Controllers call
 * {@link #show(SecurityLabel)} for each labelled record they put on a page.
 */
@Component
@RequestScope
public class PageMarking {

    private final List<SecurityLabel> labels = new ArrayList<>();
    private final NationDirectory nations;

    PageMarking(NationDirectory nations) {
        this.nations = nations;
    }

    public void show(SecurityLabel label) {
        labels.add(label);
    }

    public Classification classification() {
        return labels.stream().map(SecurityLabel::classification)
                .max(Enum::compareTo)
                .orElse(Classification.UNCLASSIFIED);
    }

    /** The releasability common to every record shown; empty when nothing labelled is shown. */
    public SortedSet<String> releasableTo() {
        return common(labels, nations);
    }

    /**
     * The banner text: the highest classification shown on the page and the releasability common to everything on
     * it, e.g. {@code SECRET // REL TO AZE, TUR}; {@code UNCLASSIFIED} for a page that shows no labelled record.
     */
    public String banner() {
        SortedSet<String> common = releasableTo();
        return common.isEmpty() ? classification().name()
                : classification().name() + " // REL TO " + String.join(", ", common);
    }

    /** CSS class for the banner colour. */
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
