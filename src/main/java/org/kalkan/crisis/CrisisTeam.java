package org.kalkan.crisis;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.kalkan.security.Subject;
import org.kalkan.shared.NationCode;

/**
 * Who has need-to-know: the named users, and every user of the named nations. Only the team sees the crisis,
 * and each record of it only within the label rules.
 */
public record CrisisTeam(SortedSet<String> users, SortedSet<NationCode> nations) {

    public CrisisTeam {
        users = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(users));
        nations = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(nations));
    }

    public static CrisisTeam of(Set<String> users, Set<NationCode> nations) {
        return new CrisisTeam(new TreeSet<>(users), new TreeSet<>(nations));
    }

    public boolean includes(Subject subject) {
        return users.contains(subject.username()) || nations.contains(subject.nation());
    }
}
