package org.kalkan.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kalkan.shared.Classification;

/**
 * The accounts of a demo node (profile {@code demo}), all with the password {@link #PASSWORD}: created at start by
 * {@code InitialAccounts} and listed on the demo node's sign-in page and in README.md.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "kalkan-demo";
    private static final List<String> MEMBER_STATES = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB");

    /** One demo account. */
    public record Account(String username, String displayName, String nation, Classification clearance,
            Set<Role> roles) {

        public Account {
            roles = Set.copyOf(roles);
        }

        /** The roles in the order of {@link Role}, for display. */
        public List<Role> rolesInOrder() {
            return EnumSet.copyOf(roles).stream().toList();
        }
    }

    private DemoAccounts() {
    }

    /** Every demo account, in the order the sign-in page lists them (the first is the one to start with). */
    public static List<Account> all() {
        List<Account> all = new ArrayList<>();
        for (String nation : MEMBER_STATES) {
            String lower = nation.toLowerCase(Locale.ROOT);
            // Each nation's officer is also its training manager (issue 17's demo).
            all.add(new Account(lower + ".officer", nation + " reporting officer", nation, Classification.SECRET,
                    EnumSet.of(Role.REPORTING_OFFICER, Role.TRAINING_MANAGER)));
        }
        for (String nation : MEMBER_STATES) {
            all.add(new Account(nation.toLowerCase(Locale.ROOT) + ".delegate", nation + " Council delegate", nation,
                    Classification.SECRET, EnumSet.of(Role.COUNCIL_DELEGATE)));
        }
        all.add(new Account("hun.observer", "HUN observer", "HUN", Classification.CONFIDENTIAL,
                EnumSet.of(Role.OBSERVER)));
        all.add(new Account("cmc.watch", "CMC watch officer", "TUR", Classification.SECRET,
                EnumSet.of(Role.WATCH_OFFICER)));
        all.add(new Account("cmc.director", "CMC director", "AZE", Classification.SECRET,
                EnumSet.of(Role.CRISIS_MANAGER, Role.WATCH_OFFICER)));
        all.add(new Account("council.chair", "Council chair", "KAZ", Classification.SECRET,
                EnumSet.of(Role.COUNCIL_CHAIR)));
        all.add(new Account("force.planner", "Joint force planner", "UZB", Classification.SECRET,
                EnumSet.of(Role.FORCE_PLANNER)));
        all.add(new Account("exercise.director", "Exercise director", "KGZ", Classification.SECRET,
                EnumSet.of(Role.EXERCISE_DIRECTOR)));
        all.add(new Account("training.coordinator", "Training coordinator", "TUR", Classification.SECRET,
                EnumSet.of(Role.TRAINING_COORDINATOR)));
        all.add(new Account("programme.manager", "Programme manager", "TUR", Classification.SECRET,
                EnumSet.of(Role.PROGRAMME_MANAGER)));
        for (String nation : List.of("AZE", "KAZ", "TUR")) {
            all.add(new Account(nation.toLowerCase(Locale.ROOT) + ".cert", nation + " national CERT", nation,
                    Classification.SECRET, EnumSet.of(Role.CERT)));
        }
        all.add(new Account("aze.cap", "AZE civil protection (CAP)", "AZE", Classification.RESTRICTED,
                EnumSet.of(Role.CAP_SOURCE)));
        all.add(new Account("admin", "Node administrator", "TUR", Classification.SECRET, EnumSet.of(Role.ADMIN)));
        return List.copyOf(all);
    }
}
