package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalkan.Browser;
import org.kalkan.KalkanTest;
import org.kalkan.SessionClient;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit page: the latest signed checkpoint for an administrator, and a proof of any entry to take away. */
@KalkanTest
class AuditPageTests {

    @LocalServerPort int port;
    @Autowired AuditTrail audit;
    @Autowired AuditLog log;
    @Autowired TransactionTemplate transactions;

    @Test
    void anAdministratorSeesTheLatestCheckpointAndTheLogVerified() {
        transactions.executeWithoutResult(s -> audit.record("tester", "TEST", "page-entry", "shown on the page"));
        await().atMost(Duration.ofSeconds(60)).until(() -> log.sequence() >= 0 && log.checkpoint().isPresent());
        ChromeDriver browser = Browser.start();
        try {
            browser.get("http://localhost:" + port + "/login");
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys("kalkan-demo");
            browser.findElement(By.id("sign-in")).click();
            Browser.await(browser, Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.id("user-clearance")).isEmpty());
            browser.get("http://localhost:" + port + "/admin/audit");
            assertThat(browser.findElement(By.id("audit-status")).getText()).startsWith("Log verified");
            assertThat(Long.parseLong(browser.findElement(By.id("checkpoint-size")).getText())).isPositive();
            assertThat(browser.findElement(By.id("audit-checkpoint")).getText()).contains("valid (ECDSA P-256")
                    .containsPattern("\\d{6}Z[A-Z]{3}\\d{2}");
            assertThat(browser.findElements(By.cssSelector("#audit-entries a[href*='/admin/audit/proof?index=']")))
                    .isNotEmpty();
            Browser.screenshot(browser, "audit-page");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anAdministratorDownloadsAProofThatAnOutsiderCanCheck() throws Exception {
        transactions.executeWithoutResult(s -> audit.record("tester", "TEST", "download-entry", "to take away"));
        await().atMost(Duration.ofSeconds(60)).until(() -> log.sequence() >= 0 && log.checkpoint().isPresent()
                && log.checkpoint().get().treeSize() > 0);
        long index = log.checkpoint().orElseThrow().treeSize() - 1;
        HttpClient admin = SessionClient.signedIn(port, "admin");
        HttpResponse<String> response = admin.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/admin/audit/proof?index=" + index)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment").contains("audit-proof-" + index + ".json");
        JsonNode bundle = JsonMapper.builder().build().readTree(response.body());
        byte[] leaf = Base64.getDecoder().decode(bundle.at("/entry/leaf").asString());
        byte[] root = Base64.getDecoder().decode(bundle.at("/checkpoint/rootHash").asString());
        List<byte[]> path = new java.util.ArrayList<>();
        bundle.at("/inclusion/auditPath").forEach(h -> path.add(Base64.getDecoder().decode(h.asString())));
        assertThat(Rfc9162.verifyInclusion(index, bundle.at("/checkpoint/treeSize").asLong(), Rfc9162.leafHash(leaf),
                path, root)).isTrue();
        assertThat(AuditLogTests.signatureHolds(bundle.at("/checkpoint/publicKey").asString(),
                bundle.at("/checkpoint/signedBody").asString(), bundle.at("/checkpoint/signature").asString()))
                .isTrue();

        HttpResponse<String> missing = admin.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/admin/audit/proof?index=" + (index + 1_000_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<String> refused = SessionClient.signedIn(port, "kaz.officer").send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/admin/audit/proof?index=0")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
    }
}
