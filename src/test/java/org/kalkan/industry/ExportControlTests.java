package org.kalkan.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.industry.IndustryFixtures.MANAGER;
import static org.kalkan.industry.IndustryFixtures.PASSWORD;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A transfer of ML10 technical data to KAZ is refused (409, audited, listed) until a licence covers it. */
@KalkanTest
class ExportControlTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void aTransferIsRefusedUntilALicenceCoversItAndEveryOutcomeIsAudited() {
        ApiClient api = new ApiClient(port);
        String token = api.token(MANAGER, PASSWORD);
        String programme = IndustryFixtures.droneProgramme(api, token, "Transfer gate " + UUID.randomUUID());
        String endUser = "KAZ MoD " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> transfer = new LinkedHashMap<>(Map.of("programmeId", programme,
                "item", "Airframe design data package", "controlEntry", "ML10", "from", "TUR", "to", "KAZ",
                "endUser", endUser, "value", 100000, "date", "2026-07-01"));

        ApiClient.Response refused = api.post("/api/v1/industry/transfers", token, transfer);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.body()).contains("No licence covers the transfer of ML10 from TUR to KAZ")
                .contains(endUser);
        assertThat(audited(programme, "TRANSFER_REFUSED", "DENIED")).isEqualTo(1);

        Map<String, Object> licence = new LinkedHashMap<>(Map.of("issuingNation", "TUR", "type", "INDIVIDUAL",
                "controlEntries", List.of("ML10"), "destinations", List.of("KAZ"), "endUsers", List.of(endUser),
                "validFrom", "2026-01-01", "validUntil", "2027-12-31", "ceiling", 500000,
                "label", IndustryFixtures.label("CONFIDENTIAL", "TUR", "KAZ")));
        licence.put("reference", "TUR-ML10-" + endUser.substring(8));
        ApiClient.Response issued = api.post("/api/v1/industry/licences", token, licence);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String licenceId = issued.json().get("id").asString();

        ApiClient.Response recorded = api.post("/api/v1/industry/transfers", token, transfer);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("licence").asString()).isEqualTo(licenceId);
        assertThat(recorded.json().get("licenceReference").asString()).isEqualTo("TUR-ML10-" + endUser.substring(8));
        assertThat(recorded.json().get("status").asString()).isEqualTo("RECORDED");
        assertThat(audited(programme, "TRANSFER_RECORDED", "OK")).isEqualTo(1);
        assertThat(api.get("/api/v1/industry/licences/" + licenceId, token).json().get("remaining").decimalValue())
                .isEqualByComparingTo("400000");

        transfer.put("value", 400000.01);
        ApiClient.Response over = api.post("/api/v1/industry/transfers", token, transfer);
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.body()).contains("remaining value 400000.00 EUR is less than 400000.01");

        ApiClient.Response list = api.get("/api/v1/industry/transfers?programmeId=" + programme, token);
        assertThat(list.json().size()).isEqualTo(3);
        assertThat(list.body()).contains("REFUSED").contains("RECORDED");

        // a licence expiring within the warning period (60 days) is flagged
        Map<String, Object> soon = new LinkedHashMap<>(licence);
        soon.put("reference", "TUR-SOON-" + endUser.substring(8));
        soon.put("validUntil", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(20).toString());
        ApiClient.Response expiring = api.post("/api/v1/industry/licences", token, soon);
        assertThat(expiring.json().get("expiringSoon").asBoolean()).as(expiring.body()).isTrue();
        assertThat(api.get("/api/v1/industry/licences/" + licenceId, token).json().get("expiringSoon").asBoolean())
                .isFalse();

        String kaz = api.token("kaz.officer", PASSWORD);
        transfer.put("value", 10);
        assertThat(api.post("/api/v1/industry/transfers", kaz, transfer).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/industry/licences/" + licenceId, api.token("aze.officer", PASSWORD)).status())
                .as("a licence released to TUR and KAZ only").isEqualTo(404);
    }

    private long audited(String programme, String action, String outcome) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = :a AND outcome = :o AND target IN "
                + "(SELECT 'transfer:' || id FROM industry_transfer WHERE programme_id = CAST(:p AS UUID))")
                .param("p", programme).param("a", action).param("o", outcome).query(Long.class).single();
    }
}
