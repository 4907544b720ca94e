package org.kalkan.crisis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kalkan.council.DecisionChoices;
import org.kalkan.crisis.AlertLevel;
import org.kalkan.crisis.AlertLevels;
import org.kalkan.crisis.AlertTarget;
import org.kalkan.crisis.Crises;
import org.kalkan.crisis.CrisisPhase;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.security.Subject;
import org.springframework.stereotype.Component;

/**
 * What crisis owns in a Council decision's draft, as choices for the chair: the open crises the chair may read in
 * the chair's context (by reference and title), the alert levels, and the targets of an alert level — the member
 * states and the regions that have a level.
 */
@Component
class CouncilChoices implements DecisionChoices {

    private final Crises crises;
    private final AlertLevels levels;
    private final MemberStates nations;

    CouncilChoices(Crises crises, AlertLevels levels, MemberStates nations) {
        this.crises = crises;
        this.levels = levels;
        this.nations = nations;
    }

    @Override
    public Map<String, List<Choice>> choices(Subject chair) {
        List<Choice> open = crises.list(chair, 200).stream().filter(c -> c.phase() != CrisisPhase.CLOSED)
                .map(c -> new Choice(c.id().value().toString(), c.ref() + " · " + c.title(), null)).toList();
        List<Choice> level = java.util.Arrays.stream(AlertLevel.values())
                .map(l -> new Choice(l.name(), l.name(), "alert.level." + l.name())).toList();
        List<Choice> target = new ArrayList<>();
        nations.nations().stream().filter(Nation::isMember).sorted(java.util.Comparator.comparing(n -> n.code().value()))
                .forEach(n -> target.add(new Choice(n.code().value(), n.code().value() + " · " + n.name(), null)));
        levels.current(chair).stream().map(s -> s.target()).filter(t -> t.kind() == AlertTarget.Kind.REGION)
                .map(AlertTarget::name).distinct().sorted()
                .forEach(r -> target.add(new Choice("REGION:" + r, r, null)));
        return Map.of(CRISIS, open, "level", level, "target", target);
    }
}
