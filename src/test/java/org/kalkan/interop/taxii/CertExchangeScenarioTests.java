package org.kalkan.interop.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.interop.taxii.StixFixtures.envelope;
import static org.kalkan.interop.taxii.StixFixtures.indicator;
import static org.kalkan.interop.taxii.TaxiiClient.INTEL;
import static org.kalkan.interop.taxii.TaxiiClient.ROOT;
import static org.kalkan.interop.taxii.TaxiiClient.query;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalkan.KalkanTest;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The "done when", as CERTs would do it: AZE's CERT posts indicators marked CONFIDENTIAL // REL TO AZE, TUR
 * and a TLP:CLEAR one, with a malformed one among them; TUR's CERT syncs all three by added_after paging; KAZ's CERT
 * syncs only the TLP:CLEAR one, and no manifest, version list or status tells it of the others.
 */
@KalkanTest
class CertExchangeScenarioTests {

    @LocalServerPort
    int port;

    @Test
    void confidentialIndicatorsReachTurkeyOnlyAndTheMalformedOneFailsAlone() {
        TaxiiClient aze = TaxiiClient.basic(port, "aze.cert");
        TaxiiClient tur = TaxiiClient.basic(port, "tur.cert");
        TaxiiClient kaz = TaxiiClient.basic(port, "kaz.cert");
        String turLast = syncToTheEnd(tur);
        String kazLast = syncToTheEnd(kaz);

        SecurityLabel azeTur = SecurityLabel.of(Classification.CONFIDENTIAL, "AZE", "TUR");
        assertThat(azeTur.marking()).isEqualTo("CONFIDENTIAL // REL TO AZE, TUR");
        ObjectNode marking = StixFixtures.marking(azeTur);
        assertThat(marking.get("extensions").get("extension-definition--ec8e9020-8e65-441f-8d7b-ba37e01df4cd")
                .get("releasable_to").toString()).isEqualTo("[\"AZE\",\"TUR\"]");
        ObjectNode c2 = indicator("C2 server of the pipeline intrusion", marking.get("id").asString());
        ObjectNode dropper = indicator("Dropper hash of the pipeline intrusion", marking.get("id").asString());
        ObjectNode phishing = indicator("Phishing domain, public", StixFixtures.TLP_CLEAR);
        ObjectNode malformed = indicator("Malformed: no pattern", marking.get("id").asString());
        malformed.remove("pattern");
        TaxiiClient.Response posted = aze.post(INTEL + "objects/", envelope(marking, c2, dropper, malformed, phishing));
        assertThat(posted.status()).isEqualTo(202);
        JsonNode status = posted.json();
        assertThat(status.get("success_count").asInt()).isEqualTo(4);
        assertThat(status.get("failure_count").asInt()).isEqualTo(1);
        JsonNode failure = status.get("failures").get(0);
        assertThat(failure.get("id").asString()).isEqualTo(malformed.get("id").asString());
        assertThat(failure.get("message").asString()).contains("pattern");

        List<JsonNode> turReceived = pageAfter(tur, turLast);
        assertThat(indicatorIds(turReceived)).containsExactly(id(c2), id(dropper), id(phishing));
        // the label's marking-definition is in the collection (added now, or when another object first used it)
        assertThat(tur.get(INTEL + "objects/" + id(marking) + "/").status()).isEqualTo(200);
        assertThat(turReceived).filteredOn(o -> o.get("type").asString().equals("indicator"))
                .allSatisfy(o -> assertThat(o.get("object_marking_refs").toString()).contains("marking-definition--"));

        List<JsonNode> kazReceived = pageAfter(kaz, kazLast);
        assertThat(indicatorIds(kazReceived)).containsExactly(id(phishing));
        assertThat(kazReceived).noneSatisfy(o -> assertThat(o.get("id").asString()).isEqualTo(id(marking)));

        String all = String.join(",", id(c2), id(dropper), id(phishing), id(malformed), id(marking));
        assertThat(kaz.get(INTEL + "manifest/" + query("match[id]", all)).json().get("objects")).hasSize(1);
        assertThat(kaz.get(INTEL + "manifest/" + query("match[id]", all)).json().get("more").asBoolean()).isFalse();
        assertThat(tur.get(INTEL + "manifest/" + query("match[id]", all)).json().get("objects")).hasSize(4);
        for (ObjectNode hidden : List.of(c2, dropper, marking)) {
            assertThat(kaz.get(INTEL + "objects/" + id(hidden) + "/").status()).isEqualTo(404);
            assertThat(kaz.get(INTEL + "objects/" + id(hidden) + "/versions/").status()).isEqualTo(404);
        }
        assertThat(kaz.get(ROOT + "status/" + status.get("id").asString() + "/").status()).isEqualTo(404);
        assertThat(tur.get(ROOT + "status/" + status.get("id").asString() + "/").status()).isEqualTo(404);
        assertThat(aze.get(ROOT + "status/" + status.get("id").asString() + "/").json()).isEqualTo(status);
    }

    /** Pages the whole collection as a syncing client does; returns the last date added it saw. */
    static String syncToTheEnd(TaxiiClient client) {
        TaxiiClient.Response page = client.get(INTEL + "manifest/" + query("limit", "1000"));
        String last = page.header("X-TAXII-Date-Added-Last");
        while (page.json().get("more").asBoolean()) {
            page = client.get(INTEL + "manifest/" + query("limit", "1000", "next", page.json().get("next").asString()));
            last = page.header("X-TAXII-Date-Added-Last") == null ? last : page.header("X-TAXII-Date-Added-Last");
        }
        return last;
    }

    /** Every object added after {@code after}, one per request, following X-TAXII-Date-Added-Last. */
    static List<JsonNode> pageAfter(TaxiiClient client, String after) {
        List<JsonNode> received = new ArrayList<>();
        String cursor = after;
        for (int i = 0; i < 100; i++) {
            TaxiiClient.Response response = client.get(INTEL + "objects/" + query("added_after", cursor, "limit", "1"));
            JsonNode objects = response.json().get("objects");
            if (objects.isEmpty()) {
                return received;
            }
            objects.forEach(received::add);
            cursor = response.header("X-TAXII-Date-Added-Last");
        }
        throw new AssertionError("paging did not end");
    }

    private static List<String> indicatorIds(List<JsonNode> objects) {
        return objects.stream().filter(o -> o.get("type").asString().equals("indicator"))
                .map(o -> o.get("id").asString()).toList();
    }

    private static String id(ObjectNode object) {
        return object.get("id").asString();
    }
}
