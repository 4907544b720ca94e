package org.kalkan.interop.taxii.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kalkan.interop.taxii.TaxiiProperties;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The Kalkan label of a posted object, from the markings it references ({@code object_marking_refs} and the
 * {@code marking_ref}s of its granular markings): Kalkan marking-definitions sent in the same envelope or known to
 * the node, and TLP markings mapped by configuration. Several labels combine into the most restrictive one (the
 * highest classification, the nations every one of them releases to); an object without any takes its CERT
 * account's default label. A marking the node cannot interpret refuses the object: it fails closed.
 */
@Component
class LabelResolver {

    private final TaxiiProperties properties;
    private final NationDirectory nations;
    private final IntelStore store;

    LabelResolver(TaxiiProperties properties, NationDirectory nations, IntelStore store) {
        this.properties = properties;
        this.nations = nations;
        this.store = store;
    }

    /**
     * @param envelopeKalkan the Kalkan marking-definitions of the envelope, by id
     * @param envelopeOther the ids of other (e.g. statement) marking-definitions of the envelope, which say nothing
     *        of releasability
     */
    SecurityLabel labelOf(JsonNode object, Subject poster, Map<String, SecurityLabel> envelopeKalkan,
            Set<String> envelopeOther) {
        List<SecurityLabel> labels = new ArrayList<>();
        for (String ref : markingRefs(object)) {
            SecurityLabel known = envelopeKalkan.get(ref);
            if (known == null) {
                Optional<Markings.Tlp> tlp = Markings.tlp(ref);
                if (tlp.isPresent()) {
                    known = tlpLabel(tlp.get(), poster.nation());
                } else if (envelopeOther.contains(ref)) {
                    continue;
                } else {
                    SecurityLabel stored = store.markingLabel(ref).orElseThrow(() -> new IllegalArgumentException(
                            "object_marking_refs: unknown marking-definition " + ref
                                    + "; send it in the same envelope, or use a Kalkan or TLP marking"));
                    if (!Markings.markingId(stored).equals(ref)) {
                        continue; // a stored statement marking: it says nothing about releasability
                    }
                    known = stored;
                }
            }
            labels.add(known);
        }
        return labels.isEmpty() ? defaultLabel(poster) : combine(labels);
    }

    SecurityLabel defaultLabel(Subject poster) {
        return LabelText.parse(properties.accountLabels().getOrDefault(poster.username(), properties.defaultLabel()),
                poster.nation());
    }

    SecurityLabel tlpLabel(Markings.Tlp tlp, NationCode poster) {
        TaxiiProperties.Tlp rules = properties.tlp();
        String marking = switch (tlp) {
            case CLEAR -> rules.clear();
            case GREEN -> rules.green();
            case AMBER -> rules.amber();
            case AMBER_STRICT -> rules.amberStrict();
            case RED -> rules.red();
        };
        return LabelText.parse(marking, poster);
    }

    /** The most restrictive of several labels; refused when no nation could read the result. */
    public SecurityLabel combine(List<SecurityLabel> labels) {
        Classification highest = labels.stream().map(SecurityLabel::classification).max(Enum::compareTo)
                .orElseThrow();
        Set<Set<String>> releasabilities = new LinkedHashSet<>();
        labels.forEach(l -> releasabilities.add(l.releasableTo()));
        if (releasabilities.size() == 1) {
            return SecurityLabel.of(highest, releasabilities.iterator().next());
        }
        Set<NationCode> common = null;
        for (Set<String> releasability : releasabilities) {
            Set<NationCode> reached = nations.expand(releasability);
            common = common == null ? new TreeSet<>(reached) : common;
            common.retainAll(reached);
        }
        if (common == null || common.isEmpty()) {
            throw new IllegalArgumentException("object_marking_refs: the markings contradict each other: no nation "
                    + "may read what all of them allow");
        }
        return SecurityLabel.of(highest, common.stream().map(NationCode::value).toList());
    }

    static List<String> markingRefs(JsonNode object) {
        Set<String> refs = new LinkedHashSet<>();
        for (JsonNode ref : object.path("object_marking_refs")) {
            refs.add(ref.stringValue(""));
        }
        for (JsonNode granular : object.path("granular_markings")) {
            JsonNode ref = granular.get("marking_ref");
            if (ref != null) {
                refs.add(ref.stringValue(""));
            }
        }
        refs.remove("");
        return List.copyOf(refs);
    }
}
