package org.kalkan.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;

/**
 * A randomised, seeded history in the spirit of Jepsen on the three nodes: reports filed, relabelled and withdrawn
 * on each while faults come and go on the links (delay, cuts mid-batch, black holes, replayed responses, a thin
 * link), then every link heals and the federation drains. Then, for every record: present with its origin's label
 * on every node whose nations may read it and absent — no row, no content in the log — from every other; withdrawn
 * ones readable nowhere; never filed twice; every node holding every origin's log gapless up to the origin's own
 * head; and nothing quarantined, because no sender ever sent what its peer may not hold.
 * {@code -Dfederation.seed=…} replays a history.
 */
class FederationConvergenceTests extends FederationClusterTest {

    private static final List<List<String>> RELEASES = List.of(List.of("AZE"), List.of("KAZ"), List.of("AZE", "KAZ"),
            List.of("MEMBERS"), List.of("TUR"), List.of("AZE", "TUR"), List.of("KAZ", "UZB"), List.of("HUN"));
    private static final List<String> CLASSIFICATIONS = List.of("RESTRICTED", "CONFIDENTIAL", "SECRET");
    private static final Set<String> MEMBERS = Set.of("AZE", "KAZ", "KGZ", "TUR", "UZB");


    /** What the test believes a record is on its origin. */
    private record Record(String id, FederationNode origin, String nation, List<String> releasableTo,
            String classification, boolean withdrawn, List<List<String>> releases) {

        Record relabelled(List<String> release, String newClassification) {
            List<List<String>> all = new ArrayList<>(releases);
            all.add(release);
            return new Record(id, origin, nation, release, newClassification, false, all);
        }

        Record withdraw() {
            return new Record(id, origin, nation, releasableTo, classification, true, releases);
        }
    }

    @Test
    void everyRecordEndsExactlyWhereItsLabelReleasesItAndNowhereElse() {
        long seed = Long.getLong("federation.seed", System.nanoTime());
        System.out.println("federation convergence seed: " + seed + " (replay with -Dfederation.seed=" + seed + ")");
        Random random = new Random(seed);
        List<FederationNode> nodes = List.of(cluster.cmc, cluster.aze, cluster.kaz);
        Map<FederationNode, String> officer = Map.of(cluster.cmc, "tur.officer", cluster.aze, "aze.officer",
                cluster.kaz, "kaz.officer");
        Map<FederationNode, String> nation = Map.of(cluster.cmc, "TUR", cluster.aze, "AZE", cluster.kaz, "KAZ");
        Map<String, Record> records = new LinkedHashMap<>();
        List<String> history = new ArrayList<>();
        // Other test classes on the shared nodes quarantine on purpose: count only what this history adds.
        Map<FederationNode, Long> quarantinedBefore = new java.util.HashMap<>();
        nodes.forEach(node -> quarantinedBefore.put(node, node.quarantined()));

        for (int step = 0; step < 60; step++) {
            if (step % 10 == 0) {
                fault(random, history);
            }
            FederationNode node = nodes.get(random.nextInt(nodes.size()));
            List<Record> own = records.values().stream().filter(r -> r.origin() == node && !r.withdrawn()).toList();
            int act = random.nextInt(10);
            if (own.isEmpty() || act < 5) {
                List<String> release = RELEASES.get(random.nextInt(RELEASES.size()));
                String classification = CLASSIFICATIONS.get(random.nextInt(CLASSIFICATIONS.size()));
                String id = node.file(officer.get(node), "OTHER", 38 + random.nextDouble() * 8,
                        45 + random.nextDouble() * 25, classification, release.toArray(String[]::new));
                records.put(id, new Record(id, node, nation.get(node), release, classification, false,
                        List.of(release)));
                history.add(node.id + " files " + id + " " + classification + " " + release);
            } else if (act < 8) {
                Record r = own.get(random.nextInt(own.size()));
                List<String> release = RELEASES.get(random.nextInt(RELEASES.size()));
                String classification = CLASSIFICATIONS.get(random.nextInt(CLASSIFICATIONS.size()));
                ApiClient.Response relabelled = node.api.post("/api/v1/reports/" + r.id() + "/label",
                        node.token(officer.get(node)), Map.of("label", Map.of("classification", classification,
                                "releasableTo", release), "reason", "step " + step));
                assertThat(relabelled.status()).as(relabelled.body()).isEqualTo(200);
                records.put(r.id(), r.relabelled(release, classification));
                history.add(node.id + " relabels " + r.id() + " " + classification + " " + release);
            } else {
                Record r = own.get(random.nextInt(own.size()));
                ApiClient.Response withdrawn = node.api.post("/api/v1/reports/" + r.id() + "/withdrawal",
                        node.token(officer.get(node)), Map.of("reason", "step " + step));
                assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
                records.put(r.id(), r.withdraw());
                history.add(node.id + " withdraws " + r.id());
            }
        }
        cluster.healAll();
        history.add("heal");

        try {
            drained(nodes);
            for (Record r : records.values()) {
                for (FederationNode node : nodes) {
                    check(r, node, officer.get(node));
                }
            }
            for (FederationNode node : nodes) {
                assertThat(node.quarantined() - quarantinedBefore.get(node)).as("nothing quarantined on %s: no sender "
                        + "sent what its peer may not hold", node.id).isZero();
            }
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + "; history:\n" + String.join("\n", history), e);
        }
    }

    private static void fault(Random random, List<String> history) {
        cluster.healAll();
        FaultProxy proxy = cluster.proxies().get(random.nextInt(cluster.proxies().size()));
        switch (random.nextInt(5)) {
            case 0 -> proxy.delay(200);
            case 1 -> proxy.cutAfter(500 + random.nextInt(3000));
            case 2 -> proxy.blackHole(true).dropConnections();
            case 3 -> proxy.replayNextResponse();
            default -> proxy.bandwidth(256_000);
        }
        history.add("fault on proxy :" + proxy.port());
    }

    /** Every node holds every origin's log up to that origin's head. */
    private static void drained(List<FederationNode> nodes) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (FederationNode origin : nodes) {
                long head = origin.stream(origin.id)[3];
                for (FederationNode node : nodes) {
                    long[] held = node.stream(origin.id);
                    assertThat(held[3]).as("%s's cursor on %s", node.id, origin.id).isEqualTo(head);
                    assertThat(held[0]).as("%s holds %s's log gapless", node.id, origin.id).isEqualTo(head);
                    assertThat(held[2]).isEqualTo(head);
                }
            }
        });
    }

    private static void check(Record r, FederationNode node, String officer) {
        boolean mayHold = node == r.origin() || mayHold(node.id, r.nation(), r.releasableTo());
        String what = r.id() + " " + r.classification() + " " + r.releasableTo() + (r.withdrawn() ? " withdrawn" : "")
                + " from " + r.origin().id + " on " + node.id;
        if (!mayHold) {
            assertThat(node.stored(r.id())).as("absent: " + what).isZero();
            assertThat(node.contentHeld(r.id())).as("no content in the log: " + what).isZero();
            return;
        }
        if (node != r.origin()) {
            assertThat(node.timesReceived(r.id())).as("filed here at most once each time it became releasable here: "
                    + what).isLessThanOrEqualTo(arrivals(node.id, r));
        }
        if (r.withdrawn()) {
            assertThat(node.read(officer, r.id())).as("withdrawn: " + what).isEqualTo(404);
            assertThat(node.stored(r.id())).as(what).isLessThanOrEqualTo(1);
            return;
        }
        assertThat(node.stored(r.id())).as("present: " + what).isEqualTo(1);
        var label = node.jdbc().sql("SELECT classification, array_to_string(releasable_to, ',') AS rel FROM report "
                        + "WHERE id = CAST(:id AS UUID)").param("id", r.id())
                .query((rs, i) -> rs.getInt(1) + " " + rs.getString(2)).single();
        assertThat(label).as("the origin's label: " + what).isEqualTo(CLASSIFICATIONS.indexOf(r.classification()) + 1
                + " " + String.join(",", r.releasableTo().stream().sorted().toList()));
    }

    /** How many times the record became releasable to the node: at most that many arrivals there. */
    private static long arrivals(String node, Record r) {
        long arrivals = 0;
        boolean before = false;
        for (List<String> release : r.releases()) {
            boolean now = mayHold(node, r.nation(), release);
            arrivals += now && !before ? 1 : 0;
            before = now;
        }
        return arrivals;
    }

    /** The test's own reading of the policy: a national node holds what its nation may read; the centre, all. */
    private static boolean mayHold(String node, String originNation, List<String> releasableTo) {
        if (node.equals("CMC")) {
            return true;
        }
        return originNation.equals(node) || releasableTo.contains(node)
                || (releasableTo.contains("MEMBERS") && MEMBERS.contains(node));
    }
}
