package org.kalkan.incident.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kalkan.members.NationDirectory;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;

/**
 * The label of an incident: the highest classification of its reports, releasable only to the nations that may
 * read every report (each report's releasability, communities expanded, plus its originating nation). Such a label
 * names nations only, so anyone who may read it may read every report it was combined from.
 */
@Component
public class LabelCombiner {

    private final NationDirectory nations;

    LabelCombiner(NationDirectory nations) {
        this.nations = nations;
    }

    /** A report's label and originator. */
    public record Labelled(SecurityLabel label, NationCode origin) {
    }

    /** Empty releasability (nobody may read them all) yields {@code null}. */
    public @Nullable SecurityLabel combine(Collection<Labelled> reports) {
        Classification highest = Classification.UNCLASSIFIED;
        Set<String> readers = null;
        for (Labelled report : reports) {
            if (report.label().classification().rank() > highest.rank()) {
                highest = report.label().classification();
            }
            Set<String> these = nationsOf(report.label());
            these.add(report.origin().value());
            if (readers == null) {
                readers = these;
            } else {
                readers.retainAll(these);
            }
        }
        if (readers == null || readers.isEmpty()) {
            return null;
        }
        return new SecurityLabel(highest, new TreeSet<>(readers));
    }

    /**
     * Whether everyone who may read a record under {@code before} may still read it under {@code after}: the
     * classification is not higher and the nations reached (communities expanded) are the same or more.
     */
    public boolean keepsEveryReader(SecurityLabel before, SecurityLabel after) {
        return before.classification().dominates(after.classification())
                && nationsOf(after).containsAll(nationsOf(before));
    }

    /** The nations a label reaches, communities expanded. */
    public Set<String> nations(SecurityLabel label) {
        return nationsOf(label);
    }

    private Set<String> nationsOf(SecurityLabel label) {
        Set<String> reached = new HashSet<>();
        nations.expand(label.releasableTo()).forEach(n -> reached.add(n.value()));
        return reached;
    }
}
