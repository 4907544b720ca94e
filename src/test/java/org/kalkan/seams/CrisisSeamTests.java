package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.seams.SeamActors.label;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, findings 11 and 14 (crisis), against a running node: an RFI is read by its id (no more 500 from a lock
 * in a read-only transaction); crisis-log numbers count only the entries their reader may see; a SITREP draft
 * the reader cannot see is neither named by a refusal nor able to hold theirs back; and SITREP numbers and periods
 * count only the SITREPs their reader may see.
 */
@KalkanTest
class CrisisSeamTests {

    @LocalServerPort int port;
    @Autowired TestClock clock;

    private SeamActors actors;
    private ApiClient api;
    private String director;

    @BeforeEach
    void signIn() {
        actors = new SeamActors(port);
        api = actors.api();
        director = actors.token("cmc.director");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anRfiIsReadByItsId() {
        String crisis = actors.crisis("RFI by id", label("RESTRICTED", "MEMBERS"), List.of(), List.of("KGZ"), "");
        var asked = api.post("/api/v1/crises/" + crisis + "/rfis", director, Map.of("question",
                "How many posts are manned?", "addressedTo", List.of("KGZ"),
                "deadline", Instant.now().plus(Duration.ofHours(4)).toString()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String rfi = asked.json().get("id").asString();

        var read = api.get("/api/v1/crises/" + crisis + "/rfis/" + rfi, actors.token("kgz.officer"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("question").asString()).isEqualTo("How many posts are manned?");
        var absent = api.get("/api/v1/crises/" + crisis + "/rfis/" + UUID.randomUUID(), director);
        assertThat(absent.status()).isEqualTo(404);
    }

    @Test
    void logNumbersCountOnlyTheEntriesTheReaderMaySee() {
        String crisis = actors.crisis("Numbered log", label("RESTRICTED", "MEMBERS"), List.of(), List.of("KAZ"), "");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/crises/" + crisis + "/log", director, Map.of("text", "AZE eyes only " + i,
                    "label", label("SECRET", "AZE"))).status()).isEqualTo(201);
        }
        String kaz = actors.token("kaz.officer");
        List<Long> seen = numbers(api.get("/api/v1/crises/" + crisis + "/log", kaz).json());
        assertThat(seen).as("1, 2, … without the gaps of hidden entries").isEqualTo(sequence(seen.size()));
        assertThat(api.get("/api/v1/crises/" + crisis + "/log", kaz).body()).doesNotContain("AZE eyes only");

        JsonNode written = api.post("/api/v1/crises/" + crisis + "/log", kaz, Map.of("text", "KAZ note")).json();
        assertThat(written.get("seq").asLong()).isEqualTo(seen.size() + 1);
        List<Long> all = numbers(api.get("/api/v1/crises/" + crisis + "/log", director).json());
        assertThat(all).isEqualTo(sequence(seen.size() + 4));
    }

    @Test
    void aSitrepDraftTheReaderCannotSeeIsNotNamedAndDoesNotHoldTheirsBack() {
        String crisis = actors.crisis("SITREP drafts", label("RESTRICTED", "MEMBERS"), List.of("cmc.watch"),
                List.of(), "");
        var hidden = api.post("/api/v1/crises/" + crisis + "/sitreps", director, Map.of("label",
                label("SECRET", "AZE")));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(201);

        String watch = actors.token("cmc.watch");
        assertThat(api.get("/api/v1/crises/" + crisis + "/sitreps", watch).json()).isEmpty();
        var own = api.post("/api/v1/crises/" + crisis + "/sitreps", watch, Map.of());
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.body()).doesNotContain("SITREP 1");

        var again = api.post("/api/v1/crises/" + crisis + "/sitreps", director, Map.of());
        assertThat(again.status()).as("a draft its preparer sees still holds the next one back").isEqualTo(409);
    }

    @Test
    void sitrepNumbersAndPeriodsCountOnlyTheSitrepsTheReaderMaySee() {
        String crisis = actors.crisis("SITREP numbers", label("RESTRICTED", "MEMBERS"), List.of("cmc.watch"),
                List.of(), "");
        String base = "/api/v1/crises/" + crisis + "/sitreps";
        clock.advance(Duration.ofMinutes(10));
        var hidden = api.post(base, director, Map.of("label", label("SECRET", "AZE")));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(201);
        assertThat(api.post(base + "/1/issue", director, Map.of()).status()).isEqualTo(200);
        Instant hiddenEnds = Instant.parse(hidden.json().get("periodTo").asString());

        String watch = actors.token("cmc.watch");
        var own = api.post(base, watch, Map.of());
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("number").asInt()).as("the watch officer's first SITREP").isEqualTo(1);
        assertThat(Instant.parse(own.json().get("periodFrom").asString())).as("not where the hidden one ended")
                .isBefore(hiddenEnds);
        var byNumber = api.get(base + "/1", watch);
        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.json().get("createdBy").asString()).isEqualTo("cmc.watch");
        assertThat(api.get(base + "/2", watch).status()).isEqualTo(404);
        assertThat(api.get(base, watch).json()).hasSize(1);
        assertThat(api.post(base, watch, Map.of()).json().get("detail").asString())
                .isEqualTo("SITREP 1 is still a draft: issue it before preparing another.");
        assertThat(api.get("/api/v1/crises/" + crisis + "/log", watch).body()).doesNotContain("SITREP 2");

        // The director reads both, in the order they were prepared, and acts on the watch officer's as number 2.
        List<Long> seen = new ArrayList<>();
        api.get(base, director).json().forEach(s -> seen.add(s.get("number").asLong()));
        assertThat(seen).containsExactly(1L, 2L);
        assertThat(api.get(base + "/2", director).json().get("createdBy").asString()).isEqualTo("cmc.watch");
        assertThat(api.post(base + "/2/issue", director, Map.of()).status()).isEqualTo(200);
        assertThat(api.get(base + "/1", watch).json().get("status").asString()).isEqualTo("ISSUED");
    }

    private static List<Long> numbers(JsonNode entries) {
        List<Long> numbers = new ArrayList<>();
        entries.forEach(e -> numbers.add(e.get("seq").asLong()));
        return numbers;
    }

    private static List<Long> sequence(int size) {
        List<Long> sequence = new ArrayList<>();
        for (long n = 1; n <= size; n++) {
            sequence.add(n);
        }
        return sequence;
    }
}
