package org.kalkan.notification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.members.NationDirectory;
import org.kalkan.notification.Recipients;
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
 * Turns users, roles and nations into one entry per enabled user, keeping only those the access policy lets
 * read the alert's label. Unknown users and nations are bad input: the whole alert is refused.
 */
@Component
public class RecipientResolver {

    private final UserDirectory users;
    private final NationDirectory nations;
    private final AccessPolicy policy;
    private final ObjectProvider<ExerciseContexts> contexts;

    RecipientResolver(UserDirectory users, NationDirectory nations, AccessPolicy policy,
            ObjectProvider<ExerciseContexts> contexts) {
        this.users = users;
        this.nations = nations;
        this.policy = policy;
        this.contexts = contexts;
    }

    /** Who gets the alert, and who was named or reached but may not read it (or is disabled). */
    public record Resolution(List<UserSummary> cleared, List<String> excluded) {

        public Resolution {
            cleared = List.copyOf(cleared);
            excluded = List.copyOf(excluded);
        }
    }

    /** Real-world recipients. */
    public Resolution resolve(Recipients recipients, SecurityLabel label, NationCode origin) {
        return resolve(recipients, label, origin, null);
    }

    /**
     * Who gets an alert of the context {@code exercise} (null = real world): in an exercise, only users who may work
     * in it and read the label there.
     */
    public Resolution resolve(Recipients recipients, SecurityLabel label, NationCode origin,
            @Nullable UUID exercise) {
        Map<String, UserSummary> reached = new TreeMap<>();
        for (String username : recipients.users()) {
            UserSummary user = users.find(username)
                    .orElseThrow(() -> new IllegalArgumentException("unknown user '" + username + "'"));
            reached.put(user.username(), user);
        }
        for (NationCode nation : recipients.nations()) {
            if (!nations.isKnownNation(nation.value())) {
                throw new IllegalArgumentException("unknown nation '" + nation + "'");
            }
        }
        recipients.roles().forEach(role -> users.withRole(role).forEach(u -> reached.put(u.username(), u)));
        recipients.nations().forEach(nation -> users.ofNation(nation).forEach(u -> reached.put(u.username(), u)));
        return clearedFor(reached.values(), label, origin, exercise);
    }

    /**
     * The nation's points of contact (its reporting officers) and every watch officer; in an exercise those of them
     * who take part in it.
     */
    public Resolution escalationTargets(NationCode nation, SecurityLabel label, NationCode origin,
            @Nullable UUID exercise) {
        Map<String, UserSummary> reached = new TreeMap<>();
        users.ofNation(nation).stream().filter(u -> u.has(Role.REPORTING_OFFICER))
                .forEach(u -> reached.put(u.username(), u));
        users.withRole(Role.WATCH_OFFICER).forEach(u -> reached.put(u.username(), u));
        return clearedFor(reached.values(), label, origin, exercise);
    }

    private Resolution clearedFor(Iterable<UserSummary> reached, SecurityLabel label, NationCode origin,
            @Nullable UUID exercise) {
        List<UserSummary> cleared = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        ExerciseContexts known = exercise == null ? null : contexts.getIfAvailable();
        for (UserSummary user : reached) {
            Subject subject = user.subject();
            if (exercise != null) {
                if (known == null || !known.mayEnter(subject, exercise)) {
                    excluded.add(user.username());
                    continue;
                }
                subject = subject.inExercise(exercise);
            }
            if (user.enabled() && policy.canRead(subject, label, origin, exercise)) {
                cleared.add(user);
            } else {
                excluded.add(user.username());
            }
        }
        return new Resolution(cleared, excluded);
    }
}
