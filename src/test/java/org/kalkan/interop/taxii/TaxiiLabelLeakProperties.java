package org.kalkan.interop.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.interop.taxii.TaxiiClient.INTEL;
import static org.kalkan.interop.taxii.TaxiiClient.ROOT;
import static org.kalkan.interop.taxii.TaxiiClient.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Over random labels — Kalkan markings of any classification and releasability, TLP markings and no marking — and
 * random posting CERTs, an object reaches a caller through no TAXII endpoint (objects, one object, versions,
 * manifest, status) nor export unless the rule of the access policy, written out here on its own, lets that caller
 * read it. The node is the shared one of every {@link KalkanTest}; jqwik gets it from Spring's test context cache.
 */
@KalkanTest
class TaxiiLabelLeakProperties {

    private static final List<String> MEMBERS = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB");
    private static final List<String> ENTRIES = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM",
            "MEMBERS", "ALL");
    private static final Map<String, String> NATION = Map.of("aze.cert", "AZE", "tur.cert", "TUR",
            "kaz.cert", "KAZ", "cmc.watch", "TUR", "cmc.director", "AZE");
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    TaxiiLabelLeakProperties() throws Exception {
        new TestContextManager(TaxiiLabelLeakProperties.class).prepareTestInstance(this);
    }

    /** How a posted object is marked. */
    enum Marking {
        KALKAN, TLP_CLEAR, TLP_GREEN, TLP_AMBER, TLP_AMBER_STRICT, TLP_RED, NONE
    }

    record Case(String poster, Classification classification, Set<String> releasableTo, Marking marking) {

        /** The label the configuration (application.yml and the demo profile) gives the object. */
        SecurityLabel expectedLabel() {
            String nation = NATION.get(poster);
            return switch (marking) {
                case KALKAN -> SecurityLabel.of(classification, releasableTo);
                case TLP_CLEAR, TLP_GREEN -> SecurityLabel.of(Classification.UNCLASSIFIED, "ALL");
                case TLP_AMBER -> SecurityLabel.of(Classification.RESTRICTED, "MEMBERS");
                case TLP_AMBER_STRICT -> SecurityLabel.of(Classification.RESTRICTED, nation);
                case TLP_RED -> SecurityLabel.of(Classification.CONFIDENTIAL, nation);
                case NONE -> poster.equals("kaz.cert") ? SecurityLabel.of(Classification.RESTRICTED, "MEMBERS")
                        : SecurityLabel.of(Classification.RESTRICTED, nation);
            };
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of("aze.cert", "tur.cert", "kaz.cert"),
                Arbitraries.of(Classification.class),
                Arbitraries.of(ENTRIES).set().ofMinSize(1).ofMaxSize(4),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(Marking.KALKAN)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.of(Marking.class))))
                .as(Case::new);
    }

    @Property(tries = 30)
    void anObjectReachesOnlyTheCallersThePolicyLetsReadIt(@ForAll("cases") Case a) {
        SecurityLabel label = a.expectedLabel();
        ObjectNode indicator = StixFixtures.indicator("leak check " + label.marking(), marking(a));
        List<ObjectNode> objects = new ArrayList<>();
        if (a.marking() == Marking.KALKAN) {
            objects.add(StixFixtures.marking(label));
        }
        objects.add(indicator);
        TaxiiClient poster = client(a.poster());
        TaxiiClient.Response posted = poster.post(INTEL + "objects/", StixFixtures.envelope(objects));
        assertThat(posted.status()).isEqualTo(202);
        assertThat(posted.json().get("failure_count").asInt()).as(posted.body()).isZero();
        String id = indicator.get("id").asString();
        String status = posted.json().get("id").asString();

        for (String caller : NATION.keySet()) {
            boolean readable = oracle(caller, label, NATION.get(a.poster()));
            TaxiiClient client = client(caller);
            String why = caller + " reading " + label.marking() + " posted by " + a.poster();
            assertThat(client.get(INTEL + "objects/" + query("match[id]", id)).json().get("objects"))
                    .as(why).hasSize(readable ? 1 : 0);
            assertThat(client.get(INTEL + "manifest/" + query("match[id]", id)).json().get("objects"))
                    .as(why).hasSize(readable ? 1 : 0);
            assertThat(client.get(INTEL + "objects/" + id + "/").status()).as(why).isEqualTo(readable ? 200 : 404);
            assertThat(client.get(INTEL + "objects/" + id + "/versions/").status()).as(why)
                    .isEqualTo(readable ? 200 : 404);
            TaxiiClient.Response statusResource = client.get(ROOT + "status/" + status + "/");
            if (caller.equals(a.poster())) {
                JsonNode successes = statusResource.json().get("successes");
                assertThat(successes.valueStream().map(s -> s.get("id").asString())).as(why).contains(id);
            } else {
                assertThat(statusResource.status()).as(why).isEqualTo(404);
            }
            assertThat(new ApiClient(port).get("/api/v1/cti/objects/" + id + "/bundle", token(caller)).status())
                    .as(why).isEqualTo(readable ? 200 : 404);
        }
    }

    /** The rule, written from the product's description: clearance, then the originating nation or a release. */
    private static boolean oracle(String caller, SecurityLabel label, String origin) {
        String nation = NATION.get(caller);
        // every caller here is cleared SECRET: the classification never stops them
        if (nation.equals(origin)) {
            return true;
        }
        Set<String> tokens = new TreeSet<>(List.of(nation, "ALL"));
        if (MEMBERS.contains(nation)) {
            tokens.add("MEMBERS");
        }
        return label.releasableTo().stream().anyMatch(tokens::contains);
    }

    private static String[] marking(Case a) {
        return switch (a.marking()) {
            case KALKAN -> new String[] {StixFixtures.markingId(a.expectedLabel())};
            case TLP_CLEAR -> new String[] {StixFixtures.TLP_CLEAR};
            case TLP_GREEN -> new String[] {StixFixtures.TLP_GREEN};
            case TLP_AMBER -> new String[] {StixFixtures.TLP_AMBER};
            case TLP_AMBER_STRICT -> new String[] {StixFixtures.TLP_AMBER_STRICT};
            case TLP_RED -> new String[] {StixFixtures.TLP_RED};
            case NONE -> new String[0];
        };
    }

    private TaxiiClient client(String username) {
        return TaxiiClient.bearer(port, token(username));
    }

    private String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> new ApiClient(port).token(u, "kalkan-demo"));
    }
}
