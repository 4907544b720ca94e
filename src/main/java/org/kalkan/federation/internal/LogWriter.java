package org.kalkan.federation.internal;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.kalkan.federation.FederationProperties;
import org.kalkan.federation.Lane;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.ReportFiled;
import org.kalkan.incident.ReportRelabelled;
import org.kalkan.incident.ReportUpdated;
import org.kalkan.incident.ReportWithdrawn;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends every change of a federated record originated on this node to its log, in the writing transaction (a
 * synchronous listener): the entry commits or rolls back with the change. Entries are written without a number; the
 * {@link Sequencer}, woken when the transaction commits, numbers them in commit order. Records of an exercise and
 * records received from peers are not this node's to log.
 */
@Component
class LogWriter {

    private final ChangeLogStore store;
    private final RecordBodies bodies;
    private final Sequencer sequencer;
    private final Clock clock;
    private final String node;

    LogWriter(ChangeLogStore store, RecordBodies bodies, Sequencer sequencer, Clock clock, FederationProperties properties) {
        this.store = store;
        this.bodies = bodies;
        this.sequencer = sequencer;
        this.clock = clock;
        this.node = properties.nodeId();
    }

    @EventListener
    void on(ReportFiled filed) {
        FiledReport report = filed.report();
        if (ours(report)) {
            append(report, Op.UPSERT, null, bodies.report(report, null));
        }
    }

    @EventListener
    void on(ReportRelabelled relabelled) {
        FiledReport report = relabelled.report();
        if (ours(report)) {
            append(report, Op.UPSERT, relabelled.previousLabel(), bodies.report(report, relabelled.previousLabel()));
        }
    }

    @EventListener
    void on(ReportUpdated updated) {
        FiledReport report = updated.report();
        if (ours(report)) {
            append(report, Op.UPSERT, null, bodies.report(report, null));
        }
    }

    @EventListener
    void on(ReportWithdrawn withdrawn) {
        FiledReport report = withdrawn.report();
        if (ours(report)) {
            append(report, Op.WITHDRAW, null, bodies.withdrawal(report, withdrawn.by(), withdrawn.reason(),
                    withdrawn.at()));
        }
    }

    private boolean ours(FiledReport report) {
        return report.exerciseId() == null && report.originNode().equals(node);
    }

    private void append(FiledReport report, Op op, @Nullable SecurityLabel previous, byte[] body) {
        store.appendOwn(node, Lane.BULK, RecordBodies.REPORT, report.id().value(), op, report.label(),
                report.reportingNation(), previous, body, clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sequencer.wake();
                }
            });
        }
    }
}
