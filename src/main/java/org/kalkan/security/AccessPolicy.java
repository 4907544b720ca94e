package org.kalkan.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.kalkan.members.NationDirectory;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The one decision point for reading labelled records. A subject may read a record when its clearance is at
 * least the classification and its nation is in the releasability (communities expanded) or originated the
 * record. A missing label, an unknown entry, or a subject of an unknown nation is denied: it fails closed.
 */
@Service
public class AccessPolicy {

    private static final AtomicLong FILTER_SEQUENCE = new AtomicLong();

    private final NationDirectory nations;
    private final AuditTrail audit;

    public AccessPolicy(NationDirectory nations, AuditTrail audit) {
        this.nations = nations;
        this.audit = audit;
    }

    public boolean canRead(Subject subject, @Nullable SecurityLabel label, @Nullable NationCode originator) {
        if (label == null || !isValid(label) || !nations.isKnownNation(subject.nation().value())) {
            return false;
        }
        if (!subject.clearance().dominates(label.classification())) {
            return false;
        }
        if (subject.nation().equals(originator)) {
            return true;
        }
        Set<String> tokens = releaseTokens(subject);
        return label.releasableTo().stream().anyMatch(tokens::contains);
    }

    /** Asserts the read again before a record leaves the node; a refusal is audited and thrown. */
    public void assertReadable(Subject subject, @Nullable SecurityLabel label, @Nullable NationCode originator,
            String target) {
        if (!canRead(subject, label, originator)) {
            audit.recordDenial(subject.username(), "READ", target,
                    "label " + (label == null ? "missing" : label.marking()));
            throw new LabelAccessDeniedException(target);
        }
    }

    /** The SQL twin of {@link #canRead}: rows of the table aliased {@code alias} the subject may read. */
    public LabelFilter filter(Subject subject, String alias) {
        String prefix = "lbl" + FILTER_SEQUENCE.incrementAndGet() + "_";
        if (!nations.isKnownNation(subject.nation().value())) {
            return new LabelFilter("FALSE", Map.of());
        }
        String sql = "(" + alias + ".classification <= :" + prefix + "clearance"
                + " AND cardinality(" + alias + ".releasable_to) > 0"
                + " AND " + alias + ".releasable_to <@ CAST(:" + prefix + "known AS TEXT[])"
                + " AND (" + alias + ".origin_nation = :" + prefix + "nation"
                + " OR " + alias + ".releasable_to && CAST(:" + prefix + "tokens AS TEXT[])))";
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(prefix + "clearance", subject.clearance().rank());
        parameters.put(prefix + "known", nations.releasabilityEntries().toArray(String[]::new));
        parameters.put(prefix + "nation", subject.nation().value());
        parameters.put(prefix + "tokens", releaseTokens(subject).toArray(String[]::new));
        return new LabelFilter(sql, parameters);
    }

    /**
     * Checks a label someone wants to write: every entry known and the classification within the writer's
     * clearance. Throws {@link LabelNotPermittedException}; nothing is stored.
     */
    public void checkWritable(Subject subject, SecurityLabel label) {
        for (String entry : label.releasableTo()) {
            if (!nations.isKnownReleasabilityEntry(entry)) {
                throw new LabelNotPermittedException(HttpStatus.BAD_REQUEST,
                        "Unknown nation or community in releasability: " + entry);
            }
        }
        if (!subject.clearance().dominates(label.classification())) {
            audit.recordDenial(subject.username(), "LABEL", label.marking(), "above clearance "
                    + subject.clearance());
            throw new LabelNotPermittedException(HttpStatus.FORBIDDEN, "You cannot label a record "
                    + label.classification() + ": your clearance is " + subject.clearance() + ".");
        }
    }

    /** The subject's nation and every community it belongs to: what a releasability must mention. */
    public Set<String> releaseTokens(Subject subject) {
        Set<String> tokens = new TreeSet<>(nations.communitiesOf(subject.nation()));
        tokens.add(subject.nation().value());
        return tokens;
    }

    private boolean isValid(SecurityLabel label) {
        return !label.releasableTo().isEmpty()
                && label.releasableTo().stream().allMatch(nations::isKnownReleasabilityEntry);
    }
}
