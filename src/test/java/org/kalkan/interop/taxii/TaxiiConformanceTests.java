package org.kalkan.interop.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.interop.taxii.StixFixtures.envelope;
import static org.kalkan.interop.taxii.StixFixtures.indicator;
import static org.kalkan.interop.taxii.TaxiiClient.INCIDENTS;
import static org.kalkan.interop.taxii.TaxiiClient.INTEL;
import static org.kalkan.interop.taxii.TaxiiClient.ROOT;
import static org.kalkan.interop.taxii.TaxiiClient.TAXII;
import static org.kalkan.interop.taxii.TaxiiClient.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * TAXII 2.1 (OASIS Standard, 10 June 2021) conformance, written from the specification's requirements and run over
 * HTTP against the node: one nested class per section of the specification a server must implement.
 */
@KalkanTest
@DisplayName("TAXII 2.1 conformance")
class TaxiiConformanceTests {

    @LocalServerPort
    int port;

    TaxiiClient aze;
    TaxiiClient tur;
    TaxiiClient kaz;
    TaxiiClient watch;

    @BeforeEach
    void clients() {
        aze = TaxiiClient.basic(port, "aze.cert");
        tur = TaxiiClient.basic(port, "tur.cert");
        kaz = TaxiiClient.basic(port, "kaz.cert");
        watch = TaxiiClient.basic(port, "cmc.watch");
    }

    /** Posts an envelope and returns the status resource, asserting the 202 the specification requires. */
    JsonNode add(TaxiiClient client, ObjectNode envelope) {
        TaxiiClient.Response response = client.post(INTEL + "objects/", envelope);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.contentType()).isEqualTo(TAXII);
        return response.json();
    }

    static List<String> ids(JsonNode envelope) {
        List<String> ids = new ArrayList<>();
        envelope.path("objects").forEach(o -> ids.add(o.get("id").asString()));
        return ids;
    }

    static void assertError(TaxiiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo(TAXII);
        JsonNode error = response.json();
        assertThat(error.get("title").asString()).isNotBlank();
        assertThat(error.get("http_status").asString()).isEqualTo(Integer.toString(status));
    }

    @Nested
    @DisplayName("§1.6.8 media types and content negotiation")
    class MediaTypes {

        @Test
        void everyTaxiiResourceIsServedAsTaxiiJsonVersion21() {
            for (String path : List.of("/taxii2/", ROOT, ROOT + "collections/", INTEL, INTEL + "objects/",
                    INTEL + "manifest/")) {
                TaxiiClient.Response response = aze.get(path);
                assertThat(response.status()).as(path).isEqualTo(200);
                assertThat(response.contentType()).as(path).isEqualTo(TAXII);
            }
        }

        @Test
        void theMediaTypeWithoutVersionMeansTheLatestAndIsAccepted() {
            assertThat(aze.get(ROOT, "application/taxii+json").status()).isEqualTo(200);
            assertThat(aze.get(ROOT, "text/html, application/taxii+json;version=2.1;q=0.9").status()).isEqualTo(200);
        }

        @Test
        void aRequestThatAcceptsNoTaxii21MediaTypeIs406() {
            assertError(aze.get(ROOT, "application/json"), 406);
            assertError(aze.get(ROOT, "application/taxii+json;version=2.0"), 406);
            assertError(aze.get(INTEL + "objects/", "application/stix+json;version=2.1"), 406);
            assertError(aze.get(ROOT, "application/taxii+json;version=2.1;q=0"), 406);
            assertError(aze.get(ROOT, null), 406);
        }

        @Test
        void anEnvelopeOfAnotherMediaTypeIs415AndNothingIsStored() {
            ObjectNode indicator = indicator("media type 415");
            String body = envelope(indicator).toString();
            assertError(aze.postRaw(INTEL + "objects/", body, "application/json", TAXII), 415);
            assertError(aze.postRaw(INTEL + "objects/", body, "application/stix+json;version=2.1", TAXII), 415);
            assertError(aze.postRaw(INTEL + "objects/", body, null, TAXII), 415);
            assertError(aze.get(INTEL + "objects/" + indicator.get("id").asString() + "/"), 404);
        }

        @Test
        void objectsAreListedWithTheStixMediaTypeInManifestsAndCollections() {
            JsonNode intel = aze.get(INTEL).json();
            assertThat(intel.get("media_types").get(0).asString()).isEqualTo("application/stix+json;version=2.1");
        }
    }

    @Nested
    @DisplayName("§1.6.7 authentication and the error message resource")
    class AuthenticationAndErrors {

        @Test
        void withoutCredentialsTheServerAnswers401WithABasicChallenge() {
            TaxiiClient.Response response = TaxiiClient.anonymous(port).get("/taxii2/");
            assertError(response, 401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        }

        @Test
        void wrongPasswordsAndBadTokensAre401() {
            assertError(TaxiiClient.basic(port, "no.such.user").get("/taxii2/"), 401);
            assertError(TaxiiClient.bearer(port, "not-a-token").get("/taxii2/"), 401);
        }

        @Test
        void aBearerTokenFromTheApiWorksAsWellAsBasic() {
            String token = new ApiClient(port).token("tur.cert", "kalkan-demo");
            assertThat(TaxiiClient.bearer(port, token).get(ROOT + "collections/").status()).isEqualTo(200);
        }

        @Test
        void unknownResourcesAreTaxiiErrorsNotTheNodesErrorPage() {
            assertError(aze.get("/taxii2/kalkan/no-such-thing/"), 404);
            assertError(aze.get("/taxii2/other-root/"), 404);
            assertError(aze.get(ROOT + "collections/" + UUID.randomUUID() + "/objects/"), 404);
        }

        @Test
        void malformedFiltersAre400() {
            assertError(aze.get(INTEL + "objects/" + query("added_after", "yesterday")), 400);
            assertError(aze.get(INTEL + "objects/" + query("added_after", "2026-11-20T08:00:00+03:00")), 400);
            assertError(aze.get(INTEL + "objects/" + query("limit", "0")), 400);
            assertError(aze.get(INTEL + "objects/" + query("limit", "many")), 400);
            assertError(aze.get(INTEL + "objects/" + query("next", "not-a-token!")), 400);
            assertError(aze.get(INTEL + "objects/" + query("match[version]", "latest")), 400);
        }
    }

    @Nested
    @DisplayName("§4.1 server discovery")
    class Discovery {

        @Test
        void discoveryNamesTheApiRootAndTheDefault() {
            JsonNode discovery = aze.get("/taxii2/").json();
            assertThat(discovery.get("title").asString()).isNotBlank();
            assertThat(discovery.get("api_roots").get(0).asString()).isEqualTo(ROOT);
            assertThat(discovery.get("default").asString()).isEqualTo(ROOT);
        }
    }

    @Nested
    @DisplayName("§4.2 API root information")
    class ApiRoot {

        @Test
        void theApiRootStatesItsVersionsAndMaximumContentLength() {
            JsonNode root = aze.get(ROOT).json();
            assertThat(root.get("title").asString()).isNotBlank();
            assertThat(root.get("versions").get(0).asString()).isEqualTo(TAXII);
            assertThat(root.get("max_content_length").asLong()).isEqualTo(1_048_576L);
        }
    }

    @Nested
    @DisplayName("§4.3 status")
    class Status {

        @Test
        void aStatusResourceCountsSuccessesFailuresAndPending() {
            ObjectNode good = indicator("status good");
            ObjectNode bad = indicator("status bad");
            bad.remove("pattern");
            JsonNode status = add(aze, envelope(good, bad));
            assertThat(status.get("status").asString()).isEqualTo("complete");
            assertThat(status.get("total_count").asInt()).isEqualTo(2);
            assertThat(status.get("success_count").asInt()).isEqualTo(1);
            assertThat(status.get("failure_count").asInt()).isEqualTo(1);
            assertThat(status.get("pending_count").asInt()).isZero();
            assertThat(status.get("successes").get(0).get("id").asString()).isEqualTo(good.get("id").asString());
            assertThat(status.get("successes").get(0).get("version").asString()).isEqualTo(StixFixtures.CREATED);
            assertThat(status.get("failures").get(0).get("message").asString()).contains("pattern");
            assertThat(status.get("request_timestamp").asString()).endsWith("Z");

            JsonNode again = aze.get(ROOT + "status/" + status.get("id").asString() + "/").json();
            assertThat(again).isEqualTo(status);
        }

        @Test
        void anotherCallersStatusIsNotFound() {
            JsonNode status = add(aze, envelope(indicator("status of aze")));
            assertError(tur.get(ROOT + "status/" + status.get("id").asString() + "/"), 404);
            assertError(aze.get(ROOT + "status/" + UUID.randomUUID() + "/"), 404);
            assertError(aze.get(ROOT + "status/not-a-uuid/"), 404);
        }
    }

    @Nested
    @DisplayName("§5.1 get collections, §5.2 get a collection")
    class Collections {

        @Test
        void collectionsStateWhatTheCallerMayDo() {
            assertThat(access(aze)).containsExactly("intel:true:true", "incidents:true:false");
            assertThat(access(watch)).containsExactly("intel:true:false", "incidents:true:false");
            assertThat(access(TaxiiClient.basic(port, "aze.officer")))
                    .containsExactly("intel:false:false", "incidents:false:false");
        }

        private List<String> access(TaxiiClient client) {
            List<String> access = new ArrayList<>();
            client.get(ROOT + "collections/").json().get("collections").forEach(c -> {
                assertThat(c.get("id").asString()).isNotBlank();
                access.add(c.get("title").asString() + ":" + c.get("can_read").asBoolean() + ":"
                        + c.get("can_write").asBoolean());
            });
            return access;
        }

        @Test
        void aCollectionIsFoundByItsIdAndByItsAlias() {
            JsonNode byAlias = aze.get(INTEL).json();
            JsonNode byId = aze.get(ROOT + "collections/" + byAlias.get("id").asString() + "/").json();
            assertThat(byId).isEqualTo(byAlias);
            assertThat(byId.get("title").asString()).isEqualTo("intel");
        }

        @Test
        void readingACollectionOneMayNotReadIs403() {
            TaxiiClient officer = TaxiiClient.basic(port, "aze.officer");
            assertError(officer.get(INTEL + "objects/"), 403);
            assertError(officer.get(INCIDENTS + "manifest/"), 403);
        }
    }

    @Nested
    @DisplayName("§5.3 get object manifests")
    class Manifest {

        @Test
        void theManifestDescribesEachObjectVersion() {
            ObjectNode first = indicator("manifest one");
            ObjectNode second = indicator("manifest two");
            add(aze, envelope(first, second));
            TaxiiClient.Response response = aze.get(INTEL + "manifest/" + query("match[id]",
                    first.get("id").asString() + "," + second.get("id").asString()));
            JsonNode manifest = response.json();
            assertThat(manifest.get("more").asBoolean()).isFalse();
            assertThat(manifest.get("objects")).hasSize(2);
            JsonNode record = manifest.get("objects").get(0);
            assertThat(record.get("id").asString()).isEqualTo(first.get("id").asString());
            assertThat(record.get("version").asString()).isEqualTo(StixFixtures.CREATED);
            assertThat(record.get("media_type").asString()).isEqualTo("application/stix+json;version=2.1");
            assertThat(record.get("date_added").asString()).isEqualTo(response.header("X-TAXII-Date-Added-First"));
            assertThat(manifest.get("objects").get(1).get("date_added").asString())
                    .isEqualTo(response.header("X-TAXII-Date-Added-Last"));
        }

        @Test
        void theManifestPagesLikeObjects() {
            List<String> posted = postSeveral(aze, 3, "manifest page");
            JsonNode page = aze.get(INTEL + "manifest/" + query("match[id]", String.join(",", posted), "limit", "2"))
                    .json();
            assertThat(page.get("more").asBoolean()).isTrue();
            JsonNode rest = aze.get(INTEL + "manifest/" + query("match[id]", String.join(",", posted), "limit", "2",
                    "next", page.get("next").asString())).json();
            assertThat(rest.get("more").asBoolean()).isFalse();
            assertThat(ids(page).size() + ids(rest).size()).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("§5.4 get objects: filtering (§3.5) and pagination (§3.4)")
    class GetObjects {

        @Test
        void objectsComeInAnEnvelopeInDateAddedOrderWithTheirDateAddedHeaders() {
            List<String> posted = postSeveral(aze, 3, "envelope order");
            TaxiiClient.Response response = aze.get(INTEL + "objects/" + query("match[id]", String.join(",", posted)));
            JsonNode envelope = response.json();
            assertThat(ids(envelope)).containsExactlyElementsOf(posted);
            assertThat(envelope.get("more").asBoolean()).isFalse();
            assertThat(envelope.has("next")).isFalse();
            String first = response.header("X-TAXII-Date-Added-First");
            String last = response.header("X-TAXII-Date-Added-Last");
            assertThat(first).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(first.compareTo(last)).isNegative();
        }

        @Test
        void matchTypeIdAndSpecVersionSelectObjects() {
            ObjectNode indicator = indicator("match filters");
            ObjectNode location = StixFixtures.location(40.2, 49.5);
            add(aze, envelope(indicator, location));
            String both = indicator.get("id").asString() + "," + location.get("id").asString();
            assertThat(ids(aze.get(INTEL + "objects/" + query("match[id]", both, "match[type]", "location")).json()))
                    .containsExactly(location.get("id").asString());
            assertThat(ids(aze.get(INTEL + "objects/" + query("match[id]", both, "match[type]", "indicator,location"))
                    .json())).hasSize(2);
            assertThat(ids(aze.get(INTEL + "objects/" + query("match[id]", both, "match[spec_version]", "2.1"))
                    .json())).hasSize(2);
            assertThat(ids(aze.get(INTEL + "objects/" + query("match[id]", both, "match[spec_version]", "2.0"))
                    .json())).isEmpty();
        }

        @Test
        void matchVersionChoosesLastByDefaultFirstAllOrATimestamp() {
            UUID id = UUID.randomUUID();
            add(aze, envelope(indicator(id, "2026-11-20T08:00:00.000Z", "v1")));
            add(aze, envelope(indicator(id, "2026-11-20T09:00:00.000Z", "v2")));
            add(aze, envelope(indicator(id, "2026-11-20T10:00:00.000Z", "v3")));
            String only = "indicator--" + id;
            assertThat(versions(aze.get(INTEL + "objects/" + query("match[id]", only)).json()))
                    .containsExactly("2026-11-20T10:00:00.000Z");
            assertThat(versions(aze.get(INTEL + "objects/" + query("match[id]", only, "match[version]", "first"))
                    .json())).containsExactly("2026-11-20T08:00:00.000Z");
            assertThat(versions(aze.get(INTEL + "objects/" + query("match[id]", only, "match[version]", "all"))
                    .json())).containsExactly("2026-11-20T08:00:00.000Z", "2026-11-20T09:00:00.000Z",
                    "2026-11-20T10:00:00.000Z");
            assertThat(versions(aze.get(INTEL + "objects/" + query("match[id]", only, "match[version]",
                    "2026-11-20T09:00:00.000Z,first")).json()))
                    .containsExactly("2026-11-20T08:00:00.000Z", "2026-11-20T09:00:00.000Z");
        }

        private List<String> versions(JsonNode envelope) {
            List<String> versions = new ArrayList<>();
            envelope.get("objects").forEach(o -> versions.add(o.get("modified").asString()));
            return versions;
        }

        @Test
        void addedAfterIsExclusiveAndPagesWithTheDateAddedLastHeader() {
            List<String> posted = postSeveral(aze, 4, "added after");
            String ids = String.join(",", posted);
            List<String> seen = new ArrayList<>();
            String after = null;
            for (int page = 0; page < 10; page++) {
                TaxiiClient.Response response = aze.get(INTEL + "objects/" + (after == null
                        ? query("match[id]", ids, "limit", "1") : query("match[id]", ids, "limit", "1",
                        "added_after", after)));
                List<String> got = ids(response.json());
                if (got.isEmpty()) {
                    break;
                }
                seen.addAll(got);
                after = response.header("X-TAXII-Date-Added-Last");
            }
            assertThat(seen).containsExactlyElementsOf(posted);
        }

        @Test
        void nextPagesThroughEveryObjectOnceEvenWhileObjectsArrive() {
            List<String> posted = new ArrayList<>(postSeveral(aze, 5, "next paging"));
            List<String> seen = new ArrayList<>();
            JsonNode page = aze.get(INTEL + "objects/" + query("match[id]", String.join(",", posted), "limit", "2"))
                    .json();
            seen.addAll(ids(page));
            // objects arriving while the client pages, among them ones matching its filter
            ObjectNode late = indicator("arrived while paging");
            add(tur, envelope(indicator("unrelated"), late));
            String filter = String.join(",", posted) + "," + late.get("id").asString();
            int pages = 1;
            while (page.get("more").asBoolean()) {
                assertThat(pages++).as("paging ends").isLessThan(10);
                page = aze.get(INTEL + "objects/" + query("match[id]", filter, "limit", "2", "next",
                        page.get("next").asString())).json();
                seen.addAll(ids(page));
            }
            assertThat(seen).doesNotHaveDuplicates().containsAll(posted);
            assertThat(new HashSet<>(seen)).hasSize(seen.size());
        }

        @Test
        void concurrentWritersNeverMakeAPagingClientSkipRepeatOrLoop() throws Exception {
            List<TaxiiClient> writers = List.of(aze, tur, kaz);
            List<List<ObjectNode>> batches = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                List<ObjectNode> batch = List.of(indicator("concurrent " + i + "a", StixFixtures.TLP_CLEAR),
                        indicator("concurrent " + i + "b", StixFixtures.TLP_CLEAR));
                batches.add(batch);
                batch.forEach(o -> all.add(o.get("id").asString()));
            }
            String filter = String.join(",", all);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            List<java.util.concurrent.Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                TaxiiClient writer = writers.get(i % writers.size());
                ObjectNode envelope = envelope(batches.get(i));
                posts.add(pool.submit(() -> assertThat(writer.post(INTEL + "objects/", envelope).status())
                        .isEqualTo(202)));
            }
            // A syncing client: follows next while there is more, then resumes with added_after until all arrived.
            List<String> seen = new ArrayList<>();
            String after = null;
            int requests = 0;
            while (seen.size() < all.size()) {
                assertThat(requests++).as("paging ends").isLessThan(500);
                TaxiiClient.Response response = watch.get(INTEL + "objects/" + (after == null
                        ? query("match[id]", filter, "limit", "1")
                        : query("match[id]", filter, "limit", "1", "added_after", after)));
                JsonNode page = response.json();
                seen.addAll(ids(page));
                while (page.get("more").asBoolean()) {
                    assertThat(requests++).as("paging ends").isLessThan(500);
                    response = watch.get(INTEL + "objects/" + query("match[id]", filter, "limit", "1", "next",
                            page.get("next").asString()));
                    page = response.json();
                    seen.addAll(ids(page));
                }
                if (response.header("X-TAXII-Date-Added-Last") != null) {
                    after = response.header("X-TAXII-Date-Added-Last");
                }
            }
            for (var post : posts) {
                post.get();
            }
            pool.shutdown();
            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        }

        @Test
        void aLimitAboveTheMaximumIsServedAsTheMaximum() {
            assertThat(aze.get(INTEL + "objects/" + query("limit", "1000000")).status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("§5.5 add objects")
    class AddObjects {

        @Test
        void anInvalidObjectFailsAloneWithItsReason() {
            ObjectNode good = indicator("good one");
            ObjectNode wrongIdType = indicator("wrong id type");
            wrongIdType.put("id", "malware--" + UUID.randomUUID());
            ObjectNode backwards = indicator("modified before created");
            backwards.put("modified", "2026-11-19T08:00:00.000Z");
            ObjectNode seconds = indicator("no milliseconds");
            seconds.put("created", "2026-11-20T08:00:00Z");
            seconds.put("modified", "2026-11-20T08:00:00Z");
            ObjectNode badRef = indicator("reference of the wrong type");
            badRef.put("created_by_ref", "malware--" + UUID.randomUUID());
            JsonNode status = add(aze, envelope(good, wrongIdType, backwards, seconds, badRef));
            assertThat(status.get("success_count").asInt()).isEqualTo(1);
            assertThat(messages(status)).satisfiesExactly(
                    m -> assertThat(m).contains("id").contains("indicator--"),
                    m -> assertThat(m).contains("modified: is before created"),
                    m -> assertThat(m).contains("created").contains("\\.\\d{3,}Z"),
                    m -> assertThat(m).contains("created_by_ref: must reference identity"));
        }

        @Test
        void aMarkingThePosterMayNotWriteOrTheServerCannotInterpretRefusesTheObject() {
            ObjectNode unknownNation = indicator("unknown nation", StixFixtures.markingId(
                    SecurityLabel.of(Classification.RESTRICTED, "XXX")));
            ObjectNode unknownNationMarking = StixFixtures.marking(SecurityLabel.of(Classification.RESTRICTED, "XXX"));
            ObjectNode unknownMarking = indicator("unknown marking", "marking-definition--" + UUID.randomUUID());
            JsonNode status = add(aze, envelope(unknownNationMarking, unknownNation, unknownMarking));
            assertThat(status.get("success_count").asInt()).isZero();
            assertThat(messages(status)).satisfiesExactly(
                    m -> assertThat(m).contains("marking not permitted").contains("XXX"),
                    m -> assertThat(m).contains("marking not permitted").contains("XXX"),
                    m -> assertThat(m).contains("unknown marking-definition"));
        }

        @Test
        void statementMarkingsSayNothingOfReleasabilityAndKalkanIdsAreReserved() {
            ObjectNode copyright = TaxiiClient.JSON.createObjectNode().put("type", "marking-definition")
                    .put("spec_version", "2.1").put("id", "marking-definition--" + UUID.randomUUID())
                    .put("created", StixFixtures.CREATED).put("definition_type", "statement");
            copyright.putObject("definition").put("statement", "Copyright AZE CERT");
            String statement = copyright.get("id").asString();
            ObjectNode azes = indicator("under a statement", statement);
            assertThat(add(aze, envelope(copyright, azes)).get("success_count").asInt()).isEqualTo(2);
            // AZE's unmarked default is RESTRICTED // REL TO AZE: TUR does not see it
            assertError(tur.get(INTEL + "objects/" + azes.get("id").asString() + "/"), 404);
            ObjectNode turs = indicator("tur's, under the same statement", statement);
            assertThat(add(tur, envelope(turs)).get("success_count").asInt()).isEqualTo(1);
            // labelled with TUR's default (RESTRICTED // REL TO TUR), not with the statement row's label
            assertThat(tur.get(INTEL + "objects/" + turs.get("id").asString() + "/").status()).isEqualTo(200);
            assertError(aze.get(INTEL + "objects/" + turs.get("id").asString() + "/"), 404);

            ObjectNode forged = copyright.deepCopy().put("id", StixFixtures.markingId(
                    SecurityLabel.of(Classification.UNCLASSIFIED, "KGZ")));
            JsonNode status = add(aze, envelope(forged));
            assertThat(status.get("failures").get(0).get("message").asString()).contains("UUIDv5");
        }

        @Test
        void onlyTheOriginatingNationAddsVersionsOfAnObject() {
            UUID id = UUID.randomUUID();
            add(aze, envelope(indicator(id, "2026-11-20T08:00:00.000Z", "aze's", StixFixtures.TLP_CLEAR)));
            JsonNode status = add(tur, envelope(indicator(id, "2026-11-20T09:00:00.000Z", "tur's")));
            assertThat(messages(status)).singleElement().asString().contains("created by AZE");
        }

        @Test
        void postingTheSameVersionAgainIsIdempotentAndAChangedOneWithTheSameVersionFails() {
            ObjectNode indicator = indicator("twice");
            add(aze, envelope(indicator));
            assertThat(add(aze, envelope(indicator)).get("success_count").asInt()).isEqualTo(1);
            ObjectNode changed = indicator.deepCopy().put("name", "changed without a new modified");
            assertThat(messages(add(aze, envelope(changed)))).singleElement().asString()
                    .contains("already exists");
            assertThat(aze.get(INTEL + "objects/" + indicator.get("id").asString() + "/versions/").json()
                    .get("versions")).hasSize(1);
        }

        @Test
        void notAnEnvelopeIsRefusedWhole() {
            assertError(aze.postRaw(INTEL + "objects/", "{not json", TAXII, TAXII), 400);
            assertError(aze.postRaw(INTEL + "objects/", "[]", TAXII, TAXII), 422);
            assertError(aze.postRaw(INTEL + "objects/", "{\"objects\":{}}", TAXII, TAXII), 422);
        }

        @Test
        void anEnvelopeLargerThanMaxContentLengthIs413() {
            String huge = "{\"objects\":[{\"type\":\"note\",\"content\":\"" + "x".repeat(1_100_000) + "\"}]}";
            assertError(aze.postRaw(INTEL + "objects/", huge, TAXII, TAXII), 413);
        }

        @Test
        void collectionsOneMayNotWriteAre403() {
            assertError(aze.post(INCIDENTS + "objects/", envelope(indicator("into incidents"))), 403);
            assertError(watch.post(INTEL + "objects/", envelope(indicator("by a watch officer"))), 403);
        }

        private List<String> messages(JsonNode status) {
            List<String> messages = new ArrayList<>();
            status.get("failures").forEach(f -> messages.add(f.get("message").asString()));
            return messages;
        }
    }

    @Nested
    @DisplayName("§5.6 get an object, §5.8 get object versions")
    class OneObject {

        @Test
        void anObjectAndItsVersionsAreServedAndAnUnknownOneIs404() {
            UUID id = UUID.randomUUID();
            add(aze, envelope(indicator(id, "2026-11-20T08:00:00.000Z", "v1")));
            add(aze, envelope(indicator(id, "2026-11-20T08:30:00.000Z", "v2")));
            String path = INTEL + "objects/indicator--" + id + "/";
            TaxiiClient.Response latest = aze.get(path);
            assertThat(latest.json().get("objects")).hasSize(1);
            assertThat(latest.json().get("objects").get(0).get("name").asString()).isEqualTo("v2");
            assertThat(latest.header("X-TAXII-Date-Added-Last")).isNotNull();
            assertThat(aze.get(path + query("match[version]", "all")).json().get("objects")).hasSize(2);
            JsonNode versions = aze.get(path + "versions/").json();
            assertThat(versions.get("more").asBoolean()).isFalse();
            assertThat(versions.get("versions").valueStream().map(JsonNode::asString))
                    .containsExactly("2026-11-20T08:00:00.000Z", "2026-11-20T08:30:00.000Z");
            JsonNode one = aze.get(path + "versions/" + query("limit", "1")).json();
            assertThat(one.get("more").asBoolean()).isTrue();
            assertError(aze.get(INTEL + "objects/indicator--" + UUID.randomUUID() + "/"), 404);
            assertError(aze.get(INTEL + "objects/indicator--" + UUID.randomUUID() + "/versions/"), 404);
        }

        @Test
        void anObjectTheCallerMayNotReadIsIndistinguishableFromAnAbsentOne() {
            SecurityLabel azeOnly = SecurityLabel.of(Classification.CONFIDENTIAL, "AZE");
            ObjectNode secret = indicator("aze only", StixFixtures.markingId(azeOnly));
            add(aze, envelope(StixFixtures.marking(azeOnly), secret));
            TaxiiClient.Response hidden = kaz.get(INTEL + "objects/" + secret.get("id").asString() + "/");
            TaxiiClient.Response absent = kaz.get(INTEL + "objects/indicator--" + UUID.randomUUID() + "/");
            assertError(hidden, 404);
            assertThat(hidden.json().get("description").asString())
                    .isEqualTo(absent.json().get("description").asString());
        }
    }

    @Nested
    @DisplayName("§5.7 delete an object")
    class Delete {

        @Test
        void theOriginatorDeletesOthersMayNot() {
            ObjectNode shared = indicator("to delete", StixFixtures.TLP_CLEAR);
            add(aze, envelope(shared));
            String path = INTEL + "objects/" + shared.get("id").asString() + "/";
            assertError(tur.delete(path), 403);
            assertError(watch.delete(path), 403);
            assertThat(aze.delete(path).status()).isEqualTo(200);
            assertError(aze.get(path), 404);
            assertError(aze.delete(path), 404);
        }

        @Test
        void deletingOneVersionKeepsTheOthers() {
            UUID id = UUID.randomUUID();
            add(aze, envelope(indicator(id, "2026-11-20T08:00:00.000Z", "v1")));
            add(aze, envelope(indicator(id, "2026-11-20T08:30:00.000Z", "v2")));
            String path = INTEL + "objects/indicator--" + id + "/";
            assertThat(aze.delete(path + query("match[version]", "first")).status()).isEqualTo(200);
            assertThat(aze.get(path + "versions/").json().get("versions").valueStream().map(JsonNode::asString))
                    .containsExactly("2026-11-20T08:30:00.000Z");
        }
    }

    /** Posts {@code n} indicators in one envelope and returns their ids in the order posted. */
    List<String> postSeveral(TaxiiClient client, int n, String name) {
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            objects.add(indicator(name + " " + i));
        }
        JsonNode status = add(client, envelope(objects));
        assertThat(status.get("success_count").asInt()).isEqualTo(n);
        return objects.stream().map(o -> o.get("id").asString()).toList();
    }

    static Set<String> idSet(JsonNode envelope) {
        return new HashSet<>(ids(envelope));
    }
}
