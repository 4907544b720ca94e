/**
 * Several instances on one database: who this instance is, and live signals (ids only) across instances through
 * Kafka when {@code kalkan.cluster.kafka-bootstrap} is set (ADR 0012).
 */
@NullMarked
package org.kalkan.cluster;

import org.jspecify.annotations.NullMarked;
