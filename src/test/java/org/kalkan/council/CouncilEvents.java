package org.kalkan.council;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records the Council's events once their transaction has committed, as a consuming module would receive them.
 * A plain test component found by the application's component scan: it changes no test context.
 */
@Component
class CouncilEvents {

    private final List<Object> received = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(MeasureActivated event) {
        received.add(event);
    }

    @TransactionalEventListener
    void on(DecisionAdopted event) {
        received.add(event);
    }

    @TransactionalEventListener
    void on(SilenceBroken event) {
        received.add(event);
    }

    @TransactionalEventListener
    void on(ConsultationRequested event) {
        received.add(event);
    }

    <T> List<T> of(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
