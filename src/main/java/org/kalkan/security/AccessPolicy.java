package org.kalkan.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
 * A record is also visible only in its own context: the real world, or the one exercise it belongs to (ADR 0006).
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

    /** Whether the subject may read a real-world record: never from inside an exercise context. */
    public boolean canRead(Subject subject, @Nullable SecurityLabel label, @Nullable NationCode originator) {
        return canRead(subject, label, originator, null);
    }

    /** Whether the subject may read a record of the given context ({@code exercise} null = real world). */
    public boolean canRead(Subject subject, @Nullable SecurityLabel label, @Nullable NationCode originator,
            @Nullable UUID exercise) {
        if (!Objects.equals(subject.exercise(), exercise)) {
            return false;
        }
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

    /** Whether the subject may read a record shared by every context (e.g. a unit of the force registry). */
    public boolean canReadInAnyContext(Subject subject, @Nullable SecurityLabel label,
            @Nullable NationCode originator) {
        return canRead(subject, label, originator, subject.exercise());
    }

    /** Asserts the read again before a record leaves the node; a refusal is audited and thrown. */
    public void assertReadable(Subject subject, @Nullable SecurityLabel label, @Nullable NationCode originator,
            String target) {
        assertReadable(subject, label, originator, null, target);
    }

    /** {@link #assertReadable(Subject, SecurityLabel, NationCode, String)} for a record of the given context. */
    public void assertReadable(Subject subject, @Nullable SecurityLabel label, @Nullable NationCode originator,
            @Nullable UUID exercise, String target) {
        if (!canRead(subject, label, originator, exercise)) {
            audit.recordDenial(subject.username(), "READ", target,
                    "label " + (label == null ? "missing" : label.marking())
                            + (Objects.equals(subject.exercise(), exercise) ? "" : ", other context"));
            throw new LabelAccessDeniedException(target);
        }
    }

    /**
     * The SQL twin of {@link #canRead}: rows of the table aliased {@code alias} the subject may read, in the
     * subject's context. The table has the label columns and {@code exercise_id UUID} (NULL = real world).
     */
    public LabelFilter filter(Subject subject, String alias) {
        LabelFilter labels = filterAcrossContexts(subject, alias);
        String prefix = "ctx" + FILTER_SEQUENCE.incrementAndGet();
        if (subject.exercise() == null) {
            return new LabelFilter("(" + labels.sql() + " AND " + alias + ".exercise_id IS NULL)", labels.parameters());
        }
        Map<String, Object> parameters = new HashMap<>(labels.parameters());
        parameters.put(prefix, subject.exercise());
        return new LabelFilter("(" + labels.sql() + " AND " + alias + ".exercise_id = :" + prefix + ")", parameters);
    }

    /**
     * Rows the subject may read by their label alone, for tables shared by every context (such as the force
     * registry, whose real units take part in exercises). Records that can belong to an exercise use {@link #filter}.
     */
    public LabelFilter filterAcrossContexts(Subject subject, String alias) {
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
        String unknown = unknownReleasability(label);
        if (unknown != null) {
            throw new LabelNotPermittedException(HttpStatus.BAD_REQUEST, unknown);
        }
        String aboveClearance = aboveClearance(subject, label);
        if (aboveClearance != null) {
            throw new LabelNotPermittedException(HttpStatus.FORBIDDEN, aboveClearance);
        }
    }

    /**
     * Why the subject may not store a record under this label, or null when it may: the same decision as
     * {@link #checkWritable}, as a message, for input checked as a whole (a batch names every refused item).
     */
    public @Nullable String whyNotWritable(Subject subject, SecurityLabel label) {
        String unknown = unknownReleasability(label);
        return unknown != null ? unknown : aboveClearance(subject, label);
    }

    private @Nullable String unknownReleasability(SecurityLabel label) {
        for (String entry : label.releasableTo()) {
            if (!nations.isKnownReleasabilityEntry(entry)) {
                return "Unknown nation or community in releasability: " + entry;
            }
        }
        return null;
    }

    private @Nullable String aboveClearance(Subject subject, SecurityLabel label) {
        if (subject.clearance().dominates(label.classification())) {
            return null;
        }
        audit.recordDenial(subject.username(), "LABEL", label.marking(), "above clearance " + subject.clearance());
        return "You cannot label a record " + label.classification() + ": your clearance is " + subject.clearance()
                + ".";
    }

    /**
     * Whether a record may go to everyone a public release reaches (a public CAP feed, read by anyone): its label
     * is valid, its classification at most the release's, and one of its entries alone reaches every nation the
     * release reaches (for {@code REL TO ALL}, only {@code ALL} does). A release that reaches nobody releases
     * nothing. This is not a read by a subject: nobody's own nation or origin widens it.
     */
    public boolean isReleasedTo(@Nullable SecurityLabel label, SecurityLabel release) {
        if (label == null || !isValid(label) || label.classification().compareTo(release.classification()) > 0) {
            return false;
        }
        Set<String> covering = coveringEntries(release);
        return label.releasableTo().stream().anyMatch(covering::contains);
    }

    /** The SQL twin of {@link #isReleasedTo} for the table aliased {@code alias}, in every context. */
    public LabelFilter releasedToFilter(SecurityLabel release, String alias) {
        String prefix = "rel" + FILTER_SEQUENCE.incrementAndGet() + "_";
        Set<String> covering = coveringEntries(release);
        if (covering.isEmpty()) {
            return new LabelFilter("FALSE", Map.of());
        }
        String sql = "(" + alias + ".classification <= :" + prefix + "classification"
                + " AND cardinality(" + alias + ".releasable_to) > 0"
                + " AND " + alias + ".releasable_to <@ CAST(:" + prefix + "known AS TEXT[])"
                + " AND " + alias + ".releasable_to && CAST(:" + prefix + "covering AS TEXT[]))";
        Map<String, Object> parameters = new HashMap<>();
        parameters.put(prefix + "classification", release.classification().rank());
        parameters.put(prefix + "known", nations.releasabilityEntries().toArray(String[]::new));
        parameters.put(prefix + "covering", covering.toArray(String[]::new));
        return new LabelFilter(sql, parameters);
    }

    /** The releasability entries that each alone reach every nation the release reaches. */
    private Set<String> coveringEntries(SecurityLabel release) {
        Set<NationCode> reached = nations.expand(release.releasableTo());
        Set<String> covering = new TreeSet<>();
        if (reached.isEmpty() || !isValid(release)) {
            return covering;
        }
        for (String entry : nations.releasabilityEntries()) {
            if (nations.expand(Set.of(entry)).containsAll(reached)) {
                covering.add(entry);
            }
        }
        return covering;
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
