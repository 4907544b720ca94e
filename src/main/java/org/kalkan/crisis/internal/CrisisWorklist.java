package org.kalkan.crisis.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kalkan.crisis.Crises;
import org.kalkan.crisis.Crisis;
import org.kalkan.crisis.CrisisPhase;
import org.kalkan.crisis.CrisisTask;
import org.kalkan.crisis.Rfi;
import org.kalkan.crisis.WorkItem;
import org.kalkan.crisis.Worklist;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Worklist} from the open tasks and RFIs of the crises the subject may see. */
@Service("worklist")
class CrisisWorklist implements Worklist {

    private static final int MAX_CRISES = 500;

    private final Crises crises;
    private final WorklistStore store;
    private final AccessPolicy policy;

    CrisisWorklist(Crises crises, WorklistStore store, AccessPolicy policy) {
        this.crises = crises;
        this.store = store;
        this.policy = policy;
    }

    @Transactional(readOnly = true)
    @Override
    public List<WorkItem> openFor(Subject subject) {
        Map<UUID, Crisis> visible = crises.list(subject, MAX_CRISES).stream()
                .filter(c -> c.phase() != CrisisPhase.CLOSED)
                .collect(Collectors.toMap(c -> c.id().value(), Function.identity()));
        if (visible.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = List.copyOf(visible.keySet());
        List<WorkItem> items = new ArrayList<>();
        for (CrisisTask t : store.openTasks(ids, subject.username(), subject.nation(), policy.filter(subject, "t"))) {
            policy.assertReadable(subject, t.label(), t.originNation(), t.exerciseId(), "task:" + t.id());
            Crisis crisis = java.util.Objects.requireNonNull(visible.get(t.crisisId().value()));
            items.add(new WorkItem(WorkItem.Kind.TASK, t.id(), crisis.id(), crisis.ref(), crisis.title(), t.title(),
                    t.dueAt(), t.overdue(), t.label()));
        }
        for (Rfi r : store.openRfis(ids, subject.nation(), policy.filter(subject, "r"))) {
            policy.assertReadable(subject, r.label(), r.originNation(), r.exerciseId(), "rfi:" + r.id());
            Crisis crisis = java.util.Objects.requireNonNull(visible.get(r.crisisId().value()));
            items.add(new WorkItem(WorkItem.Kind.RFI, r.id(), crisis.id(), crisis.ref(), crisis.title(), r.question(),
                    r.deadline(), r.overdueAt() != null, r.label()));
        }
        items.sort(Comparator.comparing(WorkItem::due));
        return items;
    }
}
