/** The cluster's machinery: deciding single node or cluster at start, and the Kafka transport of signals. */
@NullMarked
package org.kalkan.cluster.internal;

import org.jspecify.annotations.NullMarked;
