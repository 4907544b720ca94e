package org.kalkan.council.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.CouncilProperties;
import org.kalkan.council.DecisionVersion;
import org.kalkan.council.Procedure;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.ExerciseContexts;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The rules of a decision that binds the members, checked when the chair circulates it and again when it takes
 * effect: every member state is in its releasability and every delegate of a member state who takes part (in the
 * real world every enabled delegate, in an exercise those who may enter it) can read it; its silence lasts at least
 * {@code kalkan.council.min-silence} (or {@code min-urgent-silence} with a recorded urgency); and every such
 * delegate was notified before the silence or the consensus began. Each method returns what is wrong, in words a
 * chair understands; empty means the rule holds.
 */
@Component
class BindingRules {

    static final int MAX_URGENCY = 1000;

    private final MemberStates members;
    private final UserDirectory users;
    private final AccessPolicy policy;
    private final ObjectProvider<ExerciseContexts> contexts;
    private final CouncilProperties properties;

    BindingRules(MemberStates members, UserDirectory users, AccessPolicy policy,
            ObjectProvider<ExerciseContexts> contexts, CouncilProperties properties) {
        this.members = members;
        this.users = users;
        this.policy = policy;
        this.contexts = contexts;
        this.properties = properties;
    }

    /** The member states' delegates who take part in the context ({@code exercise} null = real world), by nation. */
    Map<NationCode, List<UserSummary>> delegates(@Nullable UUID exercise) {
        Map<NationCode, List<UserSummary>> byNation = new TreeMap<>(
                java.util.Comparator.comparing(NationCode::value));
        ExerciseContexts known = exercise == null ? null : contexts.getIfAvailable();
        for (Nation member : members.nations().stream().filter(Nation::isMember).toList()) {
            List<UserSummary> delegates = users.ofNation(member.code()).stream()
                    .filter(u -> u.enabled() && u.has(Role.COUNCIL_DELEGATE) && !u.has(Role.OBSERVER))
                    .filter(u -> exercise == null || known != null && known.mayEnter(u.subject(), exercise))
                    .toList();
            byNation.put(member.code(), delegates);
        }
        return byNation;
    }

    /** Usernames of every delegate who must be notified of a decision of the context. */
    Set<String> delegateNames(@Nullable UUID exercise) {
        Set<String> names = new java.util.TreeSet<>();
        delegates(exercise).values().forEach(list -> list.forEach(u -> names.add(u.username())));
        return names;
    }

    /**
     * Whether every member could read the decision and object: each member state in its releasability, a delegate
     * for each member state (in the real world), and each taking-part delegate cleared for it in its context.
     */
    List<String> labelFaults(SecurityLabel label, NationCode origin, @Nullable UUID exercise) {
        List<String> faults = new ArrayList<>();
        Set<NationCode> reached = members.expand(label.releasableTo());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<NationCode, List<UserSummary>> member : delegates(exercise).entrySet()) {
            NationCode nation = member.getKey();
            if (!reached.contains(nation)) {
                missing.add(nation.value());
                continue;
            }
            if (member.getValue().isEmpty() && exercise == null) {
                faults.add("member state " + nation + " has no Council delegate to read it and object");
            }
            for (UserSummary delegate : member.getValue()) {
                Subject reader = exercise == null ? delegate.subject() : delegate.subject().inExercise(exercise);
                if (!policy.canRead(reader, label, origin, exercise)) {
                    faults.add("delegate " + delegate.username() + " of " + nation + " (cleared "
                            + delegate.clearance() + ") cannot read it (" + label.marking() + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            faults.add(0, "it is not releasable to member state " + String.join(", ", missing) + " ("
                    + label.marking() + "): a decision binding the members is releasable to every member state "
                    + "(e.g. MEMBERS)");
        }
        return faults;
    }

    /** The silence from {@code start} to {@code ends} is long enough, given the urgency recorded (if any). */
    List<String> silenceFaults(Instant start, Instant ends, @Nullable String urgency) {
        Duration silence = Duration.between(start, ends);
        if (urgency == null && silence.compareTo(properties.minSilence()) < 0) {
            return List.of("silence of " + silence + " is shorter than the minimum " + properties.minSilence()
                    + "; record an urgency to shorten it to no less than " + properties.minUrgentSilence());
        }
        if (silence.compareTo(properties.minUrgentSilence()) < 0) {
            return List.of("silence of " + silence + " is shorter than the minimum even for an urgent decision, "
                    + properties.minUrgentSilence());
        }
        return List.of();
    }

    /**
     * When the decision is to take effect: its label still lets every member read it, the silence of its current
     * version was long enough from circulation, and every member state with taking-part delegates had one notified.
     */
    List<String> effectFaults(DecisionRow row, DecisionVersion version) {
        List<String> faults = new ArrayList<>(labelFaults(row.label(), row.origin(), row.exerciseId()));
        if (row.procedure() == Procedure.SILENCE && version.silenceEndsAt() != null) {
            faults.addAll(silenceFaults(version.circulatedAt(), version.silenceEndsAt(), version.urgency()));
        }
        Set<String> notified = Set.copyOf(version.notifiedDelegates());
        for (Map.Entry<NationCode, List<UserSummary>> member : delegates(row.exerciseId()).entrySet()) {
            boolean told = member.getValue().isEmpty()
                    || member.getValue().stream().anyMatch(u -> notified.contains(u.username()));
            if (!told) {
                faults.add("no delegate of " + member.getKey() + " was notified when version " + version.version()
                        + " was circulated");
            }
        }
        return faults;
    }

    /** The chair's urgency, stripped; null when none was given. */
    static @Nullable String urgency(@Nullable String urgency) {
        return CouncilService.optional(urgency, "urgency", MAX_URGENCY);
    }
}
