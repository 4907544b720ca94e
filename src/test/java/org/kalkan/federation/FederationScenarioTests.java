package org.kalkan.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.Browser;
import org.kalkan.federation.internal.Batch;
import org.kalkan.federation.internal.BatchCodec;
import org.kalkan.federation.internal.BatchRefusedException;
import org.kalkan.federation.internal.Cursor;
import org.kalkan.federation.internal.Form;
import org.kalkan.federation.internal.Inbox;
import org.kalkan.federation.internal.Outbox;
import org.kalkan.federation.internal.PeerStore;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.Incidents;
import org.kalkan.incident.NewReport;
import org.kalkan.incident.ReportId;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * The walkthrough on the three-node federation (centre CMC, national nodes AZE and KAZ): what a label
 * releases travels, end to end signed by its origin; nothing else ever leaves; narrowing and withdrawing travel too;
 * only the origin node changes a record; a tampered batch is refused whole; what a node's nations may not read is
 * quarantined; and the same batches cross an air gap as files.
 */
class FederationScenarioTests extends FederationClusterTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    @Test
    void aReportReleasedToAzeAndTurReachesTheCentreForTurOnlyAndNeverTheKazNode() {
        String id = cluster.aze.file("aze.officer", "TERRORISM", 40.41, 49.87, "CONFIDENTIAL", "AZE", "TUR");
        await().atMost(SOON).until(() -> cluster.cmc.read("tur.officer", id) == 200);
        JsonNode onCentre = cluster.cmc.api.get("/api/v1/reports/" + id, cluster.cmc.token("tur.officer")).json();
        assertThat(onCentre.get("originNode").asString()).isEqualTo("AZE");
        assertThat(onCentre.get("reportingNation").asString()).isEqualTo("AZE");
        assertThat(cluster.cmc.read("kaz.officer", id)).isEqualTo(404);

        // A later report of AZE's that KAZ may read arrives there after the first one was decided (in sequence):
        String later = cluster.aze.file("aze.officer", "TERRORISM", 40.60, 49.60, "RESTRICTED", "MEMBERS");
        await().atMost(SOON).until(() -> cluster.kaz.read("kaz.officer", later) == 200);
        assertThat(cluster.kaz.stored(id)).as("KAZ stores nothing of a report released to AZE and TUR").isZero();
        assertThat(cluster.kaz.contentHeld(id)).isZero();
    }

    @Test
    void aReportReleasedToMembersReachesKazThroughTheCentreAndNarrowingAndWithdrawalFollowIt() {
        String id = cluster.aze.file("aze.officer", "BORDER_INCIDENT", 41.20, 47.10, "RESTRICTED", "MEMBERS");
        await().atMost(SOON).until(() -> cluster.kaz.read("kaz.officer", id) == 200);
        JsonNode provenance = cluster.kaz.api.get("/api/v1/federation/provenance/" + id, cluster.kaz.admin()).json();
        assertThat(provenance.get("origin").asString()).isEqualTo("AZE");
        assertThat(provenance.get("via").get(0).asString()).isEqualTo("CMC");
        assertThat(provenance.get("receivedFrom").asString()).isEqualTo("CMC");
        assertThat(provenance.get("verified").asBoolean()).as("AZE's own seal verified on KAZ").isTrue();

        var narrowed = cluster.aze.api.post("/api/v1/reports/" + id + "/label", cluster.aze.token("aze.officer"),
                Map.of("label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("AZE")),
                        "reason", "national only"));
        assertThat(narrowed.status()).isEqualTo(200);
        await().atMost(SOON).until(() -> cluster.kaz.read("kaz.officer", id) == 404 && cluster.kaz.stored(id) == 0);
        assertThat(cluster.kaz.contentHeld(id)).as("no content of it stays in KAZ's log").isZero();
        await().atMost(SOON).until(() -> cluster.cmc.read("tur.officer", id) == 404);
        assertThat(cluster.cmc.read("aze.officer", id)).isEqualTo(200);

        var withdrawn = cluster.aze.api.post("/api/v1/reports/" + id + "/withdrawal", cluster.aze.token("aze.officer"),
                Map.of("reason", "false alarm"));
        assertThat(withdrawn.status()).isEqualTo(200);
        await().atMost(SOON).until(() -> cluster.cmc.read("aze.officer", id) == 404);
        assertThat(cluster.aze.read("aze.officer", id)).isEqualTo(404);
        assertThat(cluster.kaz.read("kaz.officer", id)).isEqualTo(404);
    }

    @Test
    void onlyTheOriginNodeChangesAReport() {
        String id = cluster.aze.file("aze.officer", "CYBER_ATTACK", 40.38, 49.85, "RESTRICTED", "MEMBERS");
        await().atMost(SOON).until(() -> cluster.cmc.read("aze.officer", id) == 200);
        var label = Map.of("label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("AZE")),
                "reason", "try");
        assertThat(cluster.cmc.api.post("/api/v1/reports/" + id + "/label", cluster.cmc.token("aze.officer"), label)
                .status()).as("the originating nation, but not on the origin node").isEqualTo(403);
        assertThat(cluster.cmc.api.post("/api/v1/reports/" + id + "/withdrawal", cluster.cmc.token("aze.officer"),
                Map.of("reason", "try")).status()).isEqualTo(403);
        assertThat(cluster.cmc.api.post("/api/v1/reports/" + id + "/label", cluster.cmc.token("tur.officer"), label)
                .status()).isEqualTo(403);
        assertThat(cluster.cmc.read("aze.officer", id)).as("unchanged").isEqualTo(200);
    }

    @Test
    void aBatchARelayTamperedWithIsRefusedWholeAndNothingOfItApplies() {
        String id = cluster.aze.file("aze.officer", "TERRORISM", 40.45, 49.95, "RESTRICTED", "MEMBERS");
        await().atMost(SOON).until(() -> cluster.kaz.read("kaz.officer", id) == 200);
        // The centre as a dishonest relay: AZE's entries for KAZ, one of them changed, the batch signed by CMC.
        var kazAsSeenByCmc = cluster.cmc.bean(PeerStore.class).find("KAZ").orElseThrow();
        Cursor fromStart = Cursor.decode(new Cursor(Map.of(new Cursor.Stream("AZE", Lane.BULK), 0L)).encode());
        Batch honest = cluster.cmc.bean(Outbox.class).batchFor(kazAsSeenByCmc, fromStart, Inbox.allLanes(), 500);
        Batch tampered = tamper(honest);
        byte[] bytes = cluster.cmc.bean(BatchCodec.class).write(tampered);
        Inbox kazInbox = cluster.kaz.bean(Inbox.class);
        String before = kazInbox.cursor(Inbox.allLanes()).encode();
        assertThatThrownBy(() -> kazInbox.receive(bytes, "CMC")).isInstanceOf(BatchRefusedException.class)
                .hasMessageContaining("origin's seal");
        assertThat(kazInbox.cursor(Inbox.allLanes()).encode()).isEqualTo(before);

        byte[] flipped = cluster.cmc.bean(BatchCodec.class).write(honest);
        flipped[flipped.length - 20] ^= 1;
        assertThatThrownBy(() -> kazInbox.receive(flipped, "CMC")).isInstanceOf(BatchRefusedException.class);
        assertThatThrownBy(() -> kazInbox.receive("not a batch".getBytes(), "CMC"))
                .isInstanceOf(BatchRefusedException.class);
        assertThat(cluster.kaz.api.get("/api/v1/audit/entries?limit=50", cluster.kaz.admin()).body())
                .contains("FEDERATION_BATCH_REFUSED");
    }

    private static Batch tamper(Batch batch) {
        List<Batch.Segment> segments = batch.segments().stream().map(segment -> {
            List<Batch.Entry> entries = segment.entries().stream().map(e -> e.form() == Form.FULL
                    ? new Batch.Entry(e.seq(), e.form(), e.type(), e.id(), e.op(),
                            e.rest().replace("RESTRICTED", "UNCLASSIFIED"), null, null)
                    : e).toList();
            return new Batch.Segment(segment.origin(), segment.lane(), segment.via(), segment.seal(), entries);
        }).toList();
        assertThat(segments).as("the batch carries AZE's entries").isNotEmpty();
        return new Batch(batch.from(), batch.to(), batch.after(), batch.heads(), segments);
    }

    @Test
    void whatNoneOfANodesNationsMayReadIsQuarantinedNeverApplied() {
        // The centre registers KAZ as serving TUR too (a mistake): it sends KAZ what is released to TUR only.
        var wrong = Map.of("nodeId", "KAZ", "nations", List.of("KAZ", "TUR"), "maxClassification", "SECRET",
                "url", cluster.toKaz.url(), "certificate", cluster.kaz.node().get("certificate").asString());
        assertThat(cluster.cmc.api.put("/api/v1/federation/peers/KAZ", cluster.cmc.admin(), wrong).status())
                .isEqualTo(200);
        try {
            long quarantinedBefore = cluster.kaz.peer("CMC").get("quarantined").asLong();
            String id = cluster.cmc.file("tur.officer", "TERRORISM", 39.93, 32.86, "CONFIDENTIAL", "TUR");
            await().atMost(SOON).until(() -> cluster.kaz.peer("CMC").get("quarantined").asLong() > quarantinedBefore);
            assertThat(cluster.kaz.stored(id)).isZero();
            assertThat(cluster.kaz.contentHeld(id)).isZero();
            JsonNode quarantine = cluster.kaz.api.get("/api/v1/federation/quarantine", cluster.kaz.admin()).json();
            assertThat(quarantine.toString()).contains(id).contains("none of this node's nations");
            assertThat(cluster.kaz.api.get("/api/v1/audit/entries?limit=100", cluster.kaz.admin()).body())
                    .contains("FEDERATION_QUARANTINE");
        } finally {
            var right = Map.of("nodeId", "KAZ", "nations", List.of("KAZ"), "maxClassification", "SECRET",
                    "url", cluster.toKaz.url(), "certificate", cluster.kaz.node().get("certificate").asString());
            assertThat(cluster.cmc.api.put("/api/v1/federation/peers/KAZ", cluster.cmc.admin(), right).status())
                    .isEqualTo(200);
        }
        assertThat(cluster.cmc.api.get("/api/v1/audit/entries?limit=100", cluster.cmc.admin()).body())
                .contains("FEDERATION_PEER_CHANGED");
    }

    @Test
    void theSameSignedBatchesCrossAnAirGapAsFilesAndTheAcknowledgementComesBack() {
        cluster.kazToCmc.blackHole(true).dropConnections();
        String id = cluster.aze.file("aze.officer", "CBRN", 40.50, 49.70, "RESTRICTED", "MEMBERS");
        // The report is sequenced and sealed just after its commit: export until the file carries it.
        var exported = new AtomicReference<byte[]>();
        var result = new AtomicReference<ApiClient.Response>();
        await().atMost(SOON).until(() -> {
            exported.set(cluster.aze.api.getBytes("/api/v1/federation/peers/KAZ/export", cluster.aze.admin()));
            result.set(cluster.kaz.api.postBytes("/api/v1/federation/import", cluster.kaz.admin(),
                    "application/vnd.kalkan.federation-batch", exported.get()));
            assertThat(result.get().status()).as(result.get().body()).isEqualTo(200);
            return cluster.kaz.read("kaz.officer", id) == 200;
        });
        byte[] file = exported.get();
        var imported = result.get();
        assertThat(imported.json().get("kind").asString()).isEqualTo("BATCH");
        JsonNode provenance = cluster.kaz.api.get("/api/v1/federation/provenance/" + id, cluster.kaz.admin()).json();
        assertThat(provenance.get("receivedFrom").asString()).isEqualTo("AZE");

        var again = cluster.kaz.api.postBytes("/api/v1/federation/import", cluster.kaz.admin(),
                "application/vnd.kalkan.federation-batch", file);
        assertThat(again.json().get("applied").asLong()).as("the same file twice changes nothing").isZero();

        byte[] acknowledgement = Base64.getDecoder().decode(imported.json().get("acknowledgement").asString());
        var acknowledged = cluster.aze.api.postBytes("/api/v1/federation/import", cluster.aze.admin(),
                "application/vnd.kalkan.federation-batch", acknowledgement);
        assertThat(acknowledged.json().get("kind").asString()).isEqualTo("ACKNOWLEDGEMENT");
        byte[] next = cluster.aze.api.getBytes("/api/v1/federation/peers/KAZ/export", cluster.aze.admin());
        assertThat(cluster.kaz.bean(BatchCodec.class).readBatch(cluster.kaz.bean(BatchCodec.class).open(next).body())
                .entryCount()).as("nothing KAZ acknowledged is exported again").isZero();

        byte[] corrupt = file.clone();
        corrupt[corrupt.length / 2] ^= 1;
        var refused = cluster.kaz.api.postBytes("/api/v1/federation/import", cluster.kaz.admin(),
                "application/vnd.kalkan.federation-batch", corrupt);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("refused whole");
    }

    @Test
    void theOperationsPageShowsEachPeersLinkAndTheQuarantine() {
        String id = cluster.aze.file("aze.officer", "CBRN", 40.52, 49.72, "RESTRICTED", "MEMBERS");
        await().atMost(SOON).until(() -> cluster.cmc.read("kaz.officer", id) == 200);
        ChromeDriver admin = Browser.signedIn(cluster.cmc.port, "admin");
        try {
            admin.get("http://localhost:" + cluster.cmc.port + "/admin/federation");
            assertThat(admin.findElement(By.id("node")).getText()).contains("CMC")
                    .contains(cluster.cmc.node().get("fingerprint").asString());
            var aze = admin.findElement(By.cssSelector("#peers tr[data-peer='AZE']"));
            assertThat(aze.getText()).doesNotContain("never");
            assertThat(aze.findElement(By.className("fingerprint")).getDomAttribute("title"))
                    .isEqualTo(cluster.aze.node().get("fingerprint").asString());
            assertThat(admin.findElements(By.cssSelector("#peers tr[data-peer='KAZ']"))).hasSize(1);
            await().atMost(SOON).until(() -> cluster.cmc.witnessed("AZE") > 0);
            admin.navigate().refresh();
            var witnessed = admin.findElement(By.cssSelector("#witness tr[data-peer='AZE']"));
            assertThat(witnessed.getText()).as("AZE's audit checkpoint, witnessed").contains("consistent")
                    .doesNotContain("INCONSISTENT");
            Browser.screenshot(admin, "federation-operations");
            assertThat(cluster.kaz.api.get("/admin/federation", cluster.kaz.token("kaz.officer")).status())
                    .as("administrators only").isIn(302, 403, 404);
        } finally {
            admin.quit();
        }
    }

    @Test
    void theOriginsContentUpdateTravelsAndItsNewLabelDecidesWhereItMayBe() {
        String id = cluster.aze.file("aze.officer", "BORDER_INCIDENT", 41.30, 47.20, "RESTRICTED", "MEMBERS");
        await().atMost(SOON).until(() -> cluster.kaz.read("kaz.officer", id) == 200);
        Subject officer = new Subject("aze.officer", NationCode.of("AZE"), Classification.SECRET,
                Set.of(Role.REPORTING_OFFICER), null);
        Incidents incidents = cluster.aze.bean(Incidents.class);
        FiledReport held = incidents.findReport(officer, new ReportId(java.util.UUID.fromString(id)));
        incidents.update(officer, held.id(), new NewReport(held.category(), "Shots at the border post, confirmed",
                held.narrative(), held.observedAt(), held.location(), null, 5, held.confidence(), held.label(), null,
                held.source()), "confirmed by a second patrol");
        await().atMost(SOON).until(() -> cluster.kaz.api.get("/api/v1/reports/" + id, cluster.kaz.token("kaz.officer"))
                .json().get("title").asString().equals("Shots at the border post, confirmed"));
        assertThat(cluster.cmc.api.get("/api/v1/reports/" + id, cluster.cmc.token("tur.officer")).json().get("severity")
                .asInt()).isEqualTo(5);
    }

    @Test
    void eachNodeWitnessesItsPeersAuditLogAndBothAlarmWhenItsHistoryNoLongerExtendsWhatWasWitnessed() {
        await().atMost(SOON).until(() -> cluster.cmc.witnessed("AZE") > 0);
        long first = cluster.cmc.witnessed("AZE");
        cluster.aze.file("aze.officer", "OTHER", 40.7, 48.1, "RESTRICTED", "AZE");
        await("a larger checkpoint, proved consistent with the first").atMost(SOON)
                .until(() -> cluster.cmc.witnessed("AZE") > first);
        assertThat(cluster.cmc.audited("FEDERATION_AUDIT_INCONSISTENT", "peer:AZE")).isZero();
        long reportedOnAze = cluster.aze.audited("FEDERATION_AUDIT_INCONSISTENT", "node:self");
        // What CMC witnessed no longer matches what AZE proves now — as if AZE had rewritten its history.
        cluster.cmc.jdbc().sql("UPDATE federation_witness SET root_hash = :r WHERE node_id = 'AZE'")
                .param("r", new byte[32]).update();
        try {
            await().atMost(SOON).until(() -> cluster.cmc.audited("FEDERATION_AUDIT_INCONSISTENT", "peer:AZE") > 0);
            await("the witnessed node alarms too").atMost(SOON)
                    .until(() -> cluster.aze.audited("FEDERATION_AUDIT_INCONSISTENT", "node:self") > reportedOnAze);
            JsonNode witness = cluster.cmc.api.get("/api/v1/federation/witness", cluster.cmc.admin()).json();
            JsonNode aze = null;
            for (JsonNode w : witness) {
                aze = w.get("peer").asString().equals("AZE") ? w : aze;
            }
            assertThat(aze).as("AZE among %s", witness).isNotNull();
            assertThat(aze.get("consistent").asBoolean()).as("shown to the administrators as rewritten").isFalse();
            assertThat(aze.get("inconsistency").asString()).isNotBlank();
        } finally {
            cluster.cmc.jdbc().sql("DELETE FROM federation_witness WHERE node_id = 'AZE'").update();
        }
    }
}
