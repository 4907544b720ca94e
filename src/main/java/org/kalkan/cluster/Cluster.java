package org.kalkan.cluster;

import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance in its cluster: whether there is one, its incarnation (the instance id with a suffix of this start,
 * unique among every start of every instance), and signals to the other instances.
 */
@Service
public class Cluster {

    /** The property the environment of every start is given its incarnation in. */
    public static final String INCARNATION_PROPERTY = "kalkan.cluster.incarnation";

    private final ClusterProperties properties;
    private final String incarnation;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate requiresNew;

    Cluster(ClusterProperties properties, Environment environment, ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.properties = properties;
        this.incarnation = environment.getProperty(INCARNATION_PROPERTY, "single");
        this.events = events;
        this.requiresNew = new TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public boolean clustered() {
        return properties.clustered();
    }

    /** This start of this instance, e.g. {@code host-8080-3fa9c1}; {@code single} on a single node. */
    public String incarnation() {
        return incarnation;
    }

    /**
     * Tells the other instances that {@code kind} {@code id} changed. Call it in the transaction that makes the
     * change (or in a listener's own transaction): the signal is stored with it and sent after its commit, so it is
     * neither sent for a change that rolled back nor lost with the instance. Without a transaction it gets its own.
     * Nothing happens on a single node.
     */
    public void signal(String kind, String id, Map<String, String> attributes) {
        if (!clustered()) {
            return;
        }
        Signal signal = new Signal(kind, id, attributes, incarnation);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            events.publishEvent(signal);
        } else {
            requiresNew.executeWithoutResult(status -> events.publishEvent(signal));
        }
    }

    public void signal(String kind, String id) {
        signal(kind, id, Map.of());
    }
}
