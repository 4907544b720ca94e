package org.kalkan.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Human references keep counting past INC-<year>-9999: a busy year (or one benchmark run) files more incidents. */
@KalkanTest
class IncidentReferenceTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theTenThousandthIncidentAndThoseAfterItGetReferencesOfTheirOwn() {
        // Only ever forward: references already given stay unique.
        jdbc.sql("SELECT setval('incident_ref_number', greatest(9998, (SELECT last_value FROM incident_ref_number)))")
                .query(Long.class).single();
        ApiClient api = new ApiClient(port);
        String token = api.token("uzb.officer", "kalkan-demo");
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Far apart in the Kyzylkum, so that each opens an incident of its own.
            ApiClient.Response filed = api.post("/api/v1/reports", token, IncidentFixtures.report("OTHER",
                    41.0 + i * 0.4, 62.0 + i * 0.4, "RESTRICTED", "MEMBERS"));
            assertThat(filed.status()).as(filed.body()).isEqualTo(201);
            refs.add(jdbc.sql("SELECT i.ref FROM report r JOIN incident i ON i.id = r.incident_id WHERE r.id = :id")
                    .param("id", java.util.UUID.fromString(filed.json().get("id").asString())).query(String.class)
                    .single());
        }
        assertThat(refs).doesNotHaveDuplicates().allMatch(ref -> ref.matches("INC-\\d{4}-\\d{4,}"))
                .anyMatch(ref -> ref.matches("INC-\\d{4}-\\d{5,}"));
    }
}
