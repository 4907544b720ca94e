package org.kalkan.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.federation.internal.Batch;
import org.kalkan.federation.internal.BatchCodec;
import org.kalkan.federation.internal.Inbox;
import org.kalkan.federation.internal.Outbox;
import org.kalkan.federation.internal.PeerStore;

/**
 * The link between AZE and the centre through the fault-injecting proxy: delayed, thin, cut mid-batch, black-holed,
 * a response replayed. Whatever the fault, once it heals every report filed meanwhile is on the centre exactly once,
 * and the centre holds AZE's log gapless, in sequence.
 */
class FederationFaultTests extends FederationClusterTest {

    private static final Duration DRAIN = Duration.ofSeconds(60);

    @Test
    void aDelayedLinkDeliversEverythingOnce() {
        cluster.toAze.delay(300);
        cluster.azeToCmc.delay(300);
        List<String> filed = fileOnAze(5, "delay");
        arriveOnceOnTheCentre(filed);
    }

    @Test
    void aThinLinkDeliversEverythingOnce() {
        cluster.toAze.bandwidth(256_000);
        List<String> filed = fileOnAze(20, "thin");
        arriveOnceOnTheCentre(filed);
    }

    @Test
    void aConnectionCutMidBatchAppliesNothingOfItAndResumesWithoutLossOrDuplicates() {
        cluster.toAze.cutAfter(700).dropConnections();
        long cutsBefore = cluster.toAze.cuts();
        List<String> filed = fileOnAze(10, "cut");
        await().atMost(DRAIN).until(() -> cluster.toAze.cuts() >= cutsBefore + 2);
        assertThat(filed).allSatisfy(id -> assertThat(cluster.cmc.stored(id)).as("nothing of a cut batch").isZero());
        cluster.toAze.heal();
        arriveOnceOnTheCentre(filed);
    }

    @Test
    void aBlackHoleStallsTheLinkVisiblyUntilItHeals() {
        cluster.toAze.blackHole(true).dropConnections();
        List<String> filed = fileOnAze(5, "black hole");
        await().atMost(DRAIN).until(() -> !cluster.cmc.peer("AZE").get("lastError").isNull());
        assertThat(filed).allSatisfy(id -> assertThat(cluster.cmc.stored(id)).isZero());
        cluster.toAze.heal();
        arriveOnceOnTheCentre(filed);
        await().atMost(DRAIN).until(() -> cluster.cmc.peer("AZE").get("lastError").isNull());
    }

    @Test
    void aResponseReplayedOnTheWireIsRefusedByTlsAndOneReplayedByAPeerChangesNothing() {
        cluster.toAze.replayNextResponse().dropConnections();
        List<String> filed = fileOnAze(3, "replay");
        await().atMost(DRAIN).until(() -> cluster.toAze.replays() >= 1);
        arriveOnceOnTheCentre(filed);

        // The same batch delivered twice at the application level (a peer or a proxy that terminates TLS).
        cluster.toAze.blackHole(true).dropConnections();
        String id = cluster.aze.file("aze.officer", "BORDER_INCIDENT", 41.0, 46.5, "RESTRICTED", "MEMBERS");
        var centreAsSeenByAze = cluster.aze.bean(PeerStore.class).find("CMC").orElseThrow();
        Inbox centre = cluster.cmc.bean(Inbox.class);
        await().atMost(DRAIN).until(() -> batchFor(centreAsSeenByAze, centre).entryCount() > 0);
        byte[] batch = cluster.aze.bean(BatchCodec.class).write(batchFor(centreAsSeenByAze, centre));
        Inbox.Result first = centre.receive(batch, "AZE");
        Inbox.Result second = centre.receive(batch, "AZE");
        assertThat(first.applied()).isPositive();
        assertThat(second.entries()).as("every entry seen before").isZero();
        assertThat(second.applied()).isZero();
        assertThat(cluster.cmc.timesReceived(id)).isEqualTo(1);
    }

    private Batch batchFor(org.kalkan.federation.Peer centre, Inbox centreInbox) {
        return cluster.aze.bean(Outbox.class).batchFor(centre, centreInbox.cursor(Inbox.allLanes()),
                Inbox.allLanes(), 500);
    }

    private static List<String> fileOnAze(int count, String what) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(cluster.aze.file("aze.officer", "TRAFFICKING_DRUGS", 40.0 + i * 0.7, 45.0 + i * 0.3,
                    i % 2 == 0 ? "RESTRICTED" : "CONFIDENTIAL", i % 2 == 0 ? "MEMBERS" : "AZE"));
        }
        assertThat(ids).as(what).hasSize(count);
        return ids;
    }

    private static void arriveOnceOnTheCentre(List<String> ids) {
        await().atMost(DRAIN).until(() -> ids.stream().allMatch(id -> cluster.cmc.stored(id) == 1));
        assertThat(ids).allSatisfy(id -> assertThat(cluster.cmc.timesReceived(id)).as("filed once on CMC")
                .isEqualTo(1));
        await().atMost(DRAIN).untilAsserted(() -> {
            long[] origin = cluster.aze.stream("AZE");
            long[] held = cluster.cmc.stream("AZE");
            assertThat(held[3]).as("CMC's cursor on AZE's log").isEqualTo(origin[3]);
            assertThat(held[0]).as("gapless: every number from 1 to the cursor, once").isEqualTo(held[2]);
            assertThat(held[1]).isEqualTo(1);
        });
        assertThat(Map.of("quarantined on CMC", cluster.cmc.quarantined())).containsEntry("quarantined on CMC", 0L);
    }
}
