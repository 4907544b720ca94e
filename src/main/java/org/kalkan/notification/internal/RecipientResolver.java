package org.kalkan.notification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kalkan.members.NationDirectory;
import org.kalkan.notification.Recipients;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Role;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
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

    RecipientResolver(UserDirectory users, NationDirectory nations, AccessPolicy policy) {
        this.users = users;
        this.nations = nations;
        this.policy = policy;
    }

    /** Who gets the alert, and who was named or reached but may not read it (or is disabled). */
    public record Resolution(List<UserSummary> cleared, List<String> excluded) {

        public Resolution {
            cleared = List.copyOf(cleared);
            excluded = List.copyOf(excluded);
        }
    }

    public Resolution resolve(Recipients recipients, SecurityLabel label, NationCode origin) {
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
        return clearedFor(reached.values(), label, origin);
    }

    /** The nation's points of contact (its reporting officers) and every watch officer. */
    public Resolution escalationTargets(NationCode nation, SecurityLabel label, NationCode origin) {
        Map<String, UserSummary> reached = new TreeMap<>();
        users.ofNation(nation).stream().filter(u -> u.has(Role.REPORTING_OFFICER))
                .forEach(u -> reached.put(u.username(), u));
        users.withRole(Role.WATCH_OFFICER).forEach(u -> reached.put(u.username(), u));
        return clearedFor(reached.values(), label, origin);
    }

    private Resolution clearedFor(Iterable<UserSummary> reached, SecurityLabel label, NationCode origin) {
        List<UserSummary> cleared = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (UserSummary user : reached) {
            if (user.enabled() && policy.canRead(user.subject(), label, origin)) {
                cleared.add(user);
            } else {
                excluded.add(user.username());
            }
        }
        return new Resolution(cleared, excluded);
    }
}
