package org.kalkan.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.kalkan.ApiClient;
import org.kalkan.EventStream;
import org.kalkan.KalkanApplication;
import org.kalkan.SessionClient;
import org.kalkan.cop.Tracks;
import org.kalkan.incident.IncidentFixtures;
import org.kalkan.interop.cot.CotAdmin;
import org.kalkan.interop.cot.CotFixtures;
import org.kalkan.interop.cot.CotPorts;
import org.kalkan.interop.cot.CotTestClient;
import org.kalkan.interop.cot.TakIdentity;
import org.kalkan.security.DemoAccounts;
import org.kalkan.security.NodeKeys;
import org.kalkan.security.UserDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/**
 * Three instances of a cluster (A, B, C) — separate nodes in this JVM on random ports — sharing one PostgreSQL and
 * one KRaft Kafka broker (both started here, from Maven's jars), started once for all tests of this class: live
 * views cross instances by id, to the readers the access policy lets through on the receiving instance; singleton
 * work runs on exactly one of the three and moves to a survivor when its holder stops.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTests {

    private static final int PARTITIONS = 3;

    static EmbeddedPostgres postgres;
    static EmbeddedKafkaKraftBroker kafka;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static ConfigurableApplicationContext c;
    /** An instance joining the running cluster in the last test. */
    static ConfigurableApplicationContext d;

    @BeforeAll
    static void startCluster() throws Exception {
        postgres = Database.start("cluster");
        kafka = Database.broker(PARTITIONS);
        // All three at once on the empty database, as a load balancer's pool or a rollout starts them: Flyway
        // migrates under its own lock, the demo seeders under the start-up seeding lock (one seeds, the others skip),
        // and the node's keys and CoT authority in the shared data directory are created by one and read by the others.
        List<ConfigurableApplicationContext> started = startTogether("a", "b", "c");
        a = started.get(0);
        b = started.get(1);
        c = started.get(2);
        for (ConfigurableApplicationContext instance : instances()) {
            // Each instance hears signals from the moment its consumer owns the topic's partitions.
            ContainerTestUtils.waitForAssignment(instance.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer("kalkan-signals"), PARTITIONS);
        }
    }

    /**
     * One data directory for the three, as the instances of one node share it (a shared volume): the node's keys
     * and the CoT certificate authority are the same on every instance, so a TAK device enrolled on one is accepted
     * by any. Whichever instance comes first creates them; the others, started at the same time, read them.
     */
    static final String DATA_DIR = "target/test-data/cluster-" + UUID.randomUUID();

    static ConfigurableApplicationContext instance(String id) {
        return new SpringApplicationBuilder(KalkanApplication.class).profiles("demo")
                .listeners(new LoggingTurn(true), new LoggingTurn(false)).run(
                "--server.port=0",
                "--kalkan.cluster.kafka-bootstrap=" + kafka.getBrokersAsString(),
                "--kalkan.cluster.instance-id=" + id,
                "--kalkan.cluster.partitions=" + PARTITIONS,
                "--kalkan.platform.db.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "--kalkan.platform.db.user=postgres",
                "--kalkan.platform.db.pool-size=5",
                "--kalkan.platform.data-dir=" + DATA_DIR,
                "--kalkan.cot.tls-port=0", "--kalkan.cot.bind-address=127.0.0.1", "--kalkan.federation.port=0",
                "--kalkan.notification.mail.enabled=false",
                "--kalkan.council.min-silence=PT5S", "--kalkan.council.min-urgent-silence=PT2S",
                "--kalkan.cluster.resubmit-interval=PT1S", "--kalkan.cluster.resubmit-min-age=PT0S");
    }

    /**
     * Spring Boot's logging system is one per JVM, and applications initialising it at the same moment race on its
     * system properties (a start failed on CI: "Unknown format 'CONSOLE_LOG_STRUCTURED_FORMAT_IS_UNDEFINED'"). The
     * instances started together take turns for that step only, from the start of the run to the prepared
     * environment, around Boot's {@link LoggingApplicationListener}; everything after it, the seeding included, runs
     * at once.
     */
    private static final ReentrantLock LOGGING_TURN = new ReentrantLock();

    /** Takes the turn before Boot's logging listener sees a run start, or gives it back after it has initialised. */
    private record LoggingTurn(boolean take) implements SmartApplicationListener {

        @Override
        public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
            return take ? ApplicationStartingEvent.class.isAssignableFrom(type)
                    : ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
                            || ApplicationFailedEvent.class.isAssignableFrom(type);
        }

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (take) {
                LOGGING_TURN.lock();
            } else if (LOGGING_TURN.isHeldByCurrentThread()) {
                LOGGING_TURN.unlock();
            }
        }

        @Override
        public int getOrder() {
            return LoggingApplicationListener.DEFAULT_ORDER + (take ? -1 : 1);
        }
    }

    /**
     * Starts the instances each on a thread of its own, released together, and waits for all; when one fails, those
     * that started are closed and the failure is thrown.
     */
    static List<ConfigurableApplicationContext> startTogether(String... ids) throws Exception {
        CyclicBarrier together = new CyclicBarrier(ids.length);
        ExecutorService threads = Executors.newFixedThreadPool(ids.length);
        try {
            List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
            for (String id : ids) {
                starts.add(threads.submit(() -> {
                    together.await();
                    return instance(id);
                }));
            }
            List<ConfigurableApplicationContext> started = new ArrayList<>();
            Exception failed = null;
            for (Future<ConfigurableApplicationContext> start : starts) {
                try {
                    started.add(start.get());
                } catch (ExecutionException e) {
                    failed = failed == null ? e : failed;
                }
            }
            if (failed != null) {
                started.forEach(ConfigurableApplicationContext::close);
                throw failed;
            }
            return started;
        } finally {
            threads.shutdownNow();
        }
    }

    static List<ConfigurableApplicationContext> instances() {
        return List.of(a, b, c);
    }

    /** The instances still running. */
    static List<ConfigurableApplicationContext> running() {
        return instances().stream().filter(ConfigurableApplicationContext::isActive).toList();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {d, c, b, a}) {
            if (instance != null && instance.isActive()) {
                instance.close();
            }
        }
        if (kafka != null) {
            kafka.destroy();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static int port(ConfigurableApplicationContext instance) {
        return ((WebServerApplicationContext) instance).getWebServer().getPort();
    }

    @Test
    void aReportFiledOnOneInstanceReachesOnlyClearedSubscribersOnTheOthers() throws Exception {
        ApiClient apiA = new ApiClient(port(a));
        ApiClient apiB = new ApiClient(port(b));
        ApiClient apiC = new ApiClient(port(c));
        try (EventStream turB = new EventStream(port(b), "/api/v1/events", apiB.token("tur.officer", "kalkan-demo"));
                EventStream kazB = new EventStream(port(b), "/api/v1/events",
                        apiB.token("kaz.officer", "kalkan-demo"));
                EventStream turC = new EventStream(port(c), "/api/v1/events",
                        apiC.token("tur.officer", "kalkan-demo"));
                EventStream kazC = new EventStream(port(c), "/api/v1/events",
                        apiC.token("kaz.officer", "kalkan-demo"))) {
            for (EventStream stream : List.of(turB, kazB, turC, kazC)) {
                assertThat(stream.opened.await(10, TimeUnit.SECONDS)).isTrue();
            }
            String aze = apiA.token("aze.officer", "kalkan-demo");

            long filed = System.nanoTime();
            var confidential = IncidentFixtures.report("TERRORISM", 40.37, 49.83, "CONFIDENTIAL", "AZE", "TUR");
            String secret = apiA.post("/api/v1/reports", aze, confidential).json().get("incidentId").asString();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> turB.lines.stream().anyMatch(l -> l.contains(secret)));
            long millis = (System.nanoTime() - filed) / 1_000_000;
            System.out.println("cross-instance live stream: report filed on A reached B's subscriber in " + millis
                    + " ms");
            await().atMost(Duration.ofSeconds(10)).until(() -> turC.lines.stream().anyMatch(l -> l.contains(secret)));
            // A report kaz.officer may read reaches kaz on B and C: their streams work, and still never had the first.
            String shared = apiA.post("/api/v1/reports", aze,
                    IncidentFixtures.report("NATURAL_DISASTER", 41.30, 69.24, "RESTRICTED", "MEMBERS")).json()
                    .get("incidentId").asString();
            for (EventStream kaz : List.of(kazB, kazC)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> kaz.lines.stream().anyMatch(l -> l.contains(shared)));
                assertThat(kaz.lines).noneMatch(l -> l.contains(secret));
            }
            for (EventStream tur : List.of(turB, turC)) {
                assertThat(tur.lines).anyMatch(l -> l.startsWith("event:incident.reported"))
                        .anyMatch(l -> l.contains(secret) && l.contains("CONFIDENTIAL // REL TO AZE, TUR"));
            }

            // The consumer's lag is a metric of each instance.
            assertThat(b.getBean(MeterRegistry.class).find("kafka.consumer.fetch.manager.records.lag.max").meters())
                    .isNotEmpty();

            // On the wire: the incident's id and no content of the report.
            List<String> wire = signalsOnTheWire(secret);
            assertThat(wire).anyMatch(v -> v.contains(secret))
                    .noneMatch(v -> v.contains(confidential.get("title").toString()))
                    .noneMatch(v -> v.contains("border patrol"));
        }
    }

    /**
     * The three started at once on the empty database (see {@link #startCluster()}): every start-up seeder ran on one
     * of them, and each demo record exists once.
     */
    @Test
    @Order(0)
    void instancesStartedTogetherOnAnEmptyDatabaseSeedItOnce() throws Exception {
        for (DemoAccounts.Account account : DemoAccounts.all()) {
            assertThat(single("SELECT count(*) FROM app_user WHERE username = ?", account.username()))
                    .as(account.username()).isEqualTo(1L);
            assertThat(single("SELECT count(*) FROM audit_log WHERE action = 'USER_CREATED' AND target = ?",
                    "user:" + account.username())).as("created once: " + account.username()).isEqualTo(1L);
        }
        Map<String, String> onceEach = new LinkedHashMap<>();
        onceEach.put("SELECT count(*) FROM force_unit WHERE name = 'AZE Special Forces Group'", "DemoForces' units");
        onceEach.put("SELECT count(*) FROM audit_log WHERE action = 'DEMO_UNITS_REGISTERED'", "DemoForces' audit");
        onceEach.put("SELECT count(*) FROM crisis WHERE title = 'Kura valley floods and unrest'", "DemoForces' crisis");
        onceEach.put("SELECT count(*) FROM industry_programme WHERE name = 'KARTAL MALE UAV'", "DemoIndustry");
        onceEach.put("SELECT count(*) FROM industry_supplier WHERE name = 'Azad Avionics'", "DemoIndustry's suppliers");
        onceEach.put("SELECT count(*) FROM exercise WHERE name = 'STEPPE SHIELD 2026'", "DemoExercise");
        onceEach.put("SELECT count(*) FROM council_decision_version WHERE title = 'Joint statement on the security of "
                + "the Middle Corridor'", "DemoCouncil's decision");
        onceEach.put("SELECT count(*) FROM council_consultation WHERE statement LIKE 'Repeated drone overflights%'",
                "DemoCouncil's consultation");
        onceEach.put("SELECT count(*) FROM training_course WHERE code = 'EOD-101'", "DemoTraining");
        for (Map.Entry<String, String> query : onceEach.entrySet()) {
            assertThat(single(query.getKey())).as(query.getValue()).isEqualTo(1L);
        }
        // The node's own STIX objects (NodeObjects): three, each once.
        assertThat(single("SELECT count(*) FROM taxii_object WHERE posted_by = 'system'")).isEqualTo(3L);
        assertThat(single("SELECT count(DISTINCT stix_id) FROM taxii_object WHERE posted_by = 'system'"))
                .isEqualTo(3L);
        // The node's keys: one for the three (each created its own before the shared directory was locked).
        assertThat(running().stream().map(i -> i.getBean(NodeKeys.class).fingerprint()).distinct()).hasSize(1);

        ApiClient api = new ApiClient(port(c));
        var verification = api.get("/api/v1/audit/verify", api.token("admin", "kalkan-demo"));
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("valid").asBoolean()).as(verification.json().toString()).isTrue();
    }

    @Test
    void aBearerTokenFromOneInstanceWorksOnTheOther() {
        String token = new ApiClient(port(a)).token("tur.officer", "kalkan-demo");
        assertThat(new ApiClient(port(b)).get("/api/v1/incidents", token).status()).isEqualTo(200);
    }

    @Test
    void anAlertRaisedOnOneInstanceSignalsOnlyItsRecipientsInboxOnAnother() throws Exception {
        HttpClient browser = SessionClient.signedIn(port(c), "uzb.officer");
        BlockingQueue<String> signals = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> response = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port(c) + "/alerts/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> response.body().filter(l -> l.startsWith("data:")).forEach(signals::add));
        reader.setDaemon(true);
        reader.start();
        try {
            int before = unacknowledged(signals.poll(10, TimeUnit.SECONDS));
            ApiClient apiA = new ApiClient(port(a));
            String watch = apiA.token("cmc.watch", "kalkan-demo");
            assertThat(apiA.post("/api/v1/alerts", watch, flashTo("For Kazakhstan's officer", "kaz.officer"))
                    .status()).isEqualTo(201);
            String text = "For the Uzbek officer, " + System.nanoTime();
            assertThat(apiA.post("/api/v1/alerts", watch, flashTo(text, "uzb.officer")).status()).isEqualTo(201);

            String signal = signals.poll(10, TimeUnit.SECONDS);
            assertThat(signal).as("uzb.officer's inbox on C hears the alert raised on A").isNotNull()
                    .doesNotContain(text);
            // The first signal is the one for uzb's own alert: nothing came for kaz.officer's. (Recipients whom no
            // demo data alerts: an instance starting with the demo profile raises demo alerts to others.)
            assertThat(unacknowledged(signal)).isEqualTo(before + 1);
        } finally {
            response.body().close();
        }
    }

    @Test
    void theHealthOfEachInstanceNamesItAndTheLeaseHolder() {
        ApiClient apiB = new ApiClient(port(b));
        String admin = apiB.token("admin", "kalkan-demo");
        await().atMost(Duration.ofSeconds(10)).until(() -> a.getBean(Lease.class).holder().isPresent());
        String holder = a.getBean(Lease.class).holder().orElseThrow();
        var health = apiB.get("/actuator/health", admin);
        assertThat(health.status()).isEqualTo(200);
        var cluster = health.json().get("components").get("cluster");
        assertThat(cluster.get("status").asString()).isEqualTo("UP");
        assertThat(cluster.get("details").get("instance").asString()).isEqualTo(b.getBean(Cluster.class).incarnation());
        assertThat(cluster.get("details").get("leaseHolder").asString()).isEqualTo(holder);
        assertThat(cluster.get("details").get("kafka").asString()).isEqualTo("reachable");
    }

    @Test
    void aBrowserSessionMadeOnOneInstanceIsValidOnTheOthers() throws Exception {
        HttpClient browser = SessionClient.signedIn(port(a), "tur.officer");
        // The cookie jar ignores ports, as browsers do: the same session cookie goes to B.
        for (ConfigurableApplicationContext other : List.of(b, c)) {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + port(other) + "/account")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("signed in on another instance with A's session").isEqualTo(200);
            assertThat(page.body()).contains("tur.officer");
        }
        assertThat(single("SELECT count(*) FROM spring_session WHERE principal_name = ?", "tur.officer"))
                .isNotEqualTo(0L);
    }

    @Test
    void aCouncilChangeOnOneInstanceRefreshesTheSilencePanelOnlyForItsReadersOnTheOthers() throws Exception {
        List<String> delegate = dashboardStream(b, SessionClient.signedIn(port(b), "tur.delegate"));
        List<String> observer = dashboardStream(c, SessionClient.signedIn(port(c), "hun.observer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> delegate.contains("event:ready")
                && observer.contains("event:ready"));
        ApiClient apiA = new ApiClient(port(a));
        String chair = apiA.token("council.chair", "kalkan-demo");
        assertThat(apiA.post("/api/v1/council/decisions", chair, silence("For the members only", "MEMBERS"))
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> delegate.contains("data:silence"));
        assertThat(apiA.post("/api/v1/council/decisions", chair, silence("For everyone", "ALL")).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> observer.contains("data:silence"));
        // The observer heard only of the decision he may read; the delegate of both.
        await().atMost(Duration.ofSeconds(10)).until(() -> delegate.stream().filter("data:silence"::equals)
                .count() == 2);
        assertThat(observer.stream().filter("data:silence"::equals)).hasSize(1);
    }

    @Test
    void anIncidentReportedOnOneInstanceRefreshesTheIncidentsPanelOnlyForItsReadersOnTheOthers() throws Exception {
        List<String> tur = dashboardStream(b, SessionClient.signedIn(port(b), "tur.officer"));
        List<String> kaz = dashboardStream(c, SessionClient.signedIn(port(c), "kaz.officer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tur.contains("event:ready") && kaz.contains("event:ready"));
        ApiClient apiA = new ApiClient(port(a));
        String aze = apiA.token("aze.officer", "kalkan-demo");
        assertThat(apiA.post("/api/v1/reports", aze,
                IncidentFixtures.report("TERRORISM", 40.36, 49.82, "CONFIDENTIAL", "AZE", "TUR")).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> tur.contains("data:incidents"));
        assertThat(apiA.post("/api/v1/reports", aze,
                IncidentFixtures.report("NATURAL_DISASTER", 42.88, 74.60, "RESTRICTED", "MEMBERS")).status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> kaz.contains("data:incidents"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tur.stream().filter("data:incidents"::equals).count() >= 2);
        // kaz.officer heard only of the incident he may read.
        assertThat(kaz.stream().filter("data:incidents"::equals)).hasSize(1);
    }

    /**
     * A crisis task falls due: whichever instance's poller flags it, the work panels of its readers on all three
     * instances are told (at least two of them by a signal from another instance), and an observer's is not.
     */
    @Test
    void anOverdueCrisisTaskRefreshesTheWorkPanelOfItsReadersOnEveryInstance() throws Exception {
        List<List<String>> tur = new ArrayList<>();
        for (ConfigurableApplicationContext instance : instances()) {
            tur.add(dashboardStream(instance, SessionClient.signedIn(port(instance), "tur.officer")));
        }
        List<String> observer = dashboardStream(c, SessionClient.signedIn(port(c), "hun.observer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> observer.contains("event:ready")
                && tur.stream().allMatch(lines -> lines.contains("event:ready")));
        ApiClient api = new ApiClient(port(a));
        String director = api.token("cmc.director", "kalkan-demo");
        String incident = api.post("/api/v1/reports", api.token("aze.officer", "kalkan-demo"),
                IncidentFixtures.report("CRITICAL_INFRASTRUCTURE", 40.39, 49.86, "RESTRICTED", "MEMBERS")).json()
                .get("incidentId").asString();
        var crisis = api.post("/api/v1/crises", director, Map.of("title", "Cluster deadlines " + System.nanoTime(),
                "incidentIds", List.of(incident),
                "label", Map.of("classification", "CONFIDENTIAL", "releasableTo", List.of("AZE", "KAZ", "TUR"))));
        assertThat(crisis.status()).as(crisis.body()).isEqualTo(201);
        String crisisId = crisis.json().get("id").asString();
        var task = api.post("/api/v1/crises/" + crisisId + "/tasks", director, Map.of("title", "Report fuel stocks",
                "owner", Map.of("kind", "NATION", "name", "TUR"),
                "dueAt", Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS).toString()));
        assertThat(task.status()).as(task.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> tur.stream().allMatch(lines -> lines.contains("data:work")));
        assertThat(single("SELECT count(*) FROM crisis_log_entry WHERE crisis_id = CAST(? AS uuid) "
                + "AND kind = 'TASK_OVERDUE'", crisisId)).isEqualTo(1L);
        assertThat(observer).doesNotContain("data:work");
    }

    private static Map<String, Object> silence(String title, String releasableTo) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title + " " + System.nanoTime());
        draft.put("text", "The Council decides: " + title + ".");
        draft.put("label", Map.of("classification", "RESTRICTED", "releasableTo", List.of(releasableTo)));
        draft.put("procedure", "SILENCE");
        draft.put("silenceEndsAt", Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS).toString());
        return draft;
    }

    /** The lines of a dashboard's stream, read on a thread of their own until the test ends. */
    private static List<String> dashboardStream(ConfigurableApplicationContext instance, HttpClient browser)
            throws Exception {
        HttpResponse<Stream<String>> response = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port(instance) + "/dashboard/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /**
     * CoT across instances: a device on A sends, a cleared device on C receives it and an uncleared one on B does not,
     * though B's live picture has it (B read it and filtered it); a device connecting to B later gets it as latest SA;
     * Kafka carries the relay row's id only. Revoking a certificate on A closes its device's session on C.
     */
    @Test
    void aTakDeviceOnOneInstanceReceivesWhatADeviceOnAnotherSendsThroughTheAccessPolicy() throws Exception {
        Duration soon = Duration.ofSeconds(15);
        String uid = "cluster-" + System.nanoTime();
        TakIdentity turIdentity = TakIdentity.enrol(new ApiClient(port(c)), "tur.officer");
        try (CotTestClient aze = CotTestClient.tls(CotPorts.tls(a),
                TakIdentity.enrol(new ApiClient(port(a)), "aze.officer"));
                CotTestClient turC = CotTestClient.tls(CotPorts.tls(c), turIdentity);
                CotTestClient kazB = CotTestClient.tls(CotPorts.tls(b),
                        TakIdentity.enrol(new ApiClient(port(a)), "kaz.officer"))) {
            for (CotTestClient device : List.of(aze, turC, kazB)) {
                assertThat(device.await("t-x-takp-v", soon)).as("connected").isNotNull();
            }
            aze.send(CotFixtures.labelled(uid + "-secret", "CONFIDENTIAL", "AZE,TUR"));
            aze.send(CotFixtures.position(uid + "-members", "a-f-G", 41.3, 69.2, ""));
            // Relayed events may cross in either order (each is its own record): collect, then look.
            List<String> tur = new ArrayList<>();
            List<String> kaz = new ArrayList<>();
            assertThat(seen(turC, tur, uid + "-secret", soon)).as("tur.officer's device on C gets A's track")
                    .contains("<__kalkan classification=\"CONFIDENTIAL\" releasableTo=\"AZE,TUR\"/>");
            assertThat(seen(turC, tur, uid + "-members", soon)).isNotNull();
            assertThat(seen(kazB, kaz, uid + "-members", soon)).as("kaz.officer's device on B gets A's MEMBERS track")
                    .contains("classification=\"RESTRICTED\" releasableTo=\"MEMBERS\"");
            // B has read the secret track (it is on B's live picture for tur.officer, not for kaz.officer); a track
            // sent after it reaches kaz's device after the secret one would have.
            await().atMost(soon).until(() -> trackSeen(b, "tur.officer", uid + "-secret"));
            assertThat(trackSeen(b, "kaz.officer", uid + "-secret")).isFalse();
            aze.send(CotFixtures.position(uid + "-after", "a-f-G", 41.4, 69.3, ""));
            assertThat(seen(kazB, kaz, uid + "-after", soon)).isNotNull();
            assertThat(kaz).noneMatch(e -> e.contains(uid + "-secret"));

            // A device connecting to B afterwards gets the latest SA of A's device that it may read.
            try (CotTestClient turB = CotTestClient.tls(CotPorts.tls(b), turIdentity)) {
                assertThat(seen(turB, new ArrayList<>(), uid + "-secret", soon))
                        .as("latest SA from another instance's client").isNotNull();
            }

            // An incident reported on A becomes a marker on the devices of B and C that may read it, and only those.
            ApiClient apiA = new ApiClient(port(a));
            String azeToken = apiA.token("aze.officer", "kalkan-demo");
            String secretIncident = apiA.post("/api/v1/reports", azeToken,
                    IncidentFixtures.report("TERRORISM", 40.38, 49.84, "CONFIDENTIAL", "AZE", "TUR")).json()
                    .get("incidentId").asString();
            assertThat(seen(turC, tur, "kalkan-incident-" + secretIncident, soon)).as("marker on C").isNotNull();
            String sharedIncident = apiA.post("/api/v1/reports", azeToken,
                    IncidentFixtures.report("NATURAL_DISASTER", 42.87, 74.59, "RESTRICTED", "MEMBERS")).json()
                    .get("incidentId").asString();
            assertThat(seen(kazB, kaz, "kalkan-incident-" + sharedIncident, soon)).as("marker on B").isNotNull();
            assertThat(kaz).noneMatch(e -> e.contains(secretIncident));

            // On the wire: ids, neither the uid nor the callsign nor the label of what the devices sent.
            List<String> wire = signalsOnTheWire("cot:").stream().filter(v -> v.startsWith("cot:")).toList();
            assertThat(wire).isNotEmpty().noneMatch(v -> v.contains(uid)).noneMatch(v -> v.contains("CONFIDENTIAL"));

            // Revoked on A (every instance reads the same certificates): the device's session on C closes.
            CotAdmin.revoke(a, turIdentity.serial());
            assertThat(turC.closedByServer(soon)).as("closed on C within seconds").isTrue();
        }
    }

    /**
     * A track a device on A moves quickly arrives on C in the order it was timed, ending at its last position: the
     * relays of one instance may overtake one another on their way (Modulith externalises them on several threads),
     * and C never hands out a position older than one it already gave.
     */
    @Test
    void aTrackMovedQuicklyOnOneInstanceArrivesInOrderOnAnother() throws Exception {
        Duration soon = Duration.ofSeconds(30);
        String uid = "moving-" + System.nanoTime();
        try (CotTestClient aze = CotTestClient.tls(CotPorts.tls(a),
                TakIdentity.enrol(new ApiClient(port(a)), "aze.officer"));
                CotTestClient turC = CotTestClient.tls(CotPorts.tls(c),
                        TakIdentity.enrol(new ApiClient(port(c)), "tur.officer"))) {
            for (CotTestClient device : List.of(aze, turC)) {
                assertThat(device.await("t-x-takp-v", soon)).as("connected").isNotNull();
            }
            Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int step = 0; step < 60; step++) {
                aze.send(CotFixtures.position(uid, "a-f-G", 40 + step / 100.0, 49.8, "", start.plusMillis(step)));
            }
            aze.send(CotFixtures.position(uid + "-end", "a-f-G", 41.0, 49.8, ""));
            List<Double> latitudes = turC.receivedUntil(uid + "-end", soon).stream()
                    .filter(e -> e.contains("uid=\"" + uid + "\""))
                    .map(e -> Double.parseDouble(e.replaceAll("(?s).*lat=\"([0-9.]+)\".*", "$1"))).toList();
            assertThat(latitudes).as("positions on C, in the order received").isNotEmpty().isSorted()
                    .endsWith(40.59);
        }
    }

    /** The first event a device received that contains {@code text}, collecting what it receives in {@code seen}. */
    private static @Nullable String seen(CotTestClient device, List<String> seen, String text, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (String event : seen) {
                if (event.contains(text)) {
                    return event;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                return null;
            }
            String next = device.await("", Duration.ofMillis(200));
            if (next != null) {
                seen.add(next);
            }
        }
    }

    /**
     * Every instance's escalation poller looks for passed acknowledgement deadlines (row locks, SKIP LOCKED): an
     * unacknowledged recipient is escalated once, by one escalation alert.
     */
    @Test
    void anUnacknowledgedAlertIsEscalatedOnceThoughEveryInstancePolls() throws Exception {
        ApiClient api = new ApiClient(port(a));
        String watch = api.token("cmc.watch", "kalkan-demo");
        Map<String, Object> alert = new LinkedHashMap<>(flashTo("Checkpoint at Oybek not answering "
                + System.nanoTime(), "uzb.officer"));
        alert.put("ackWithin", "PT2S");
        var raised = api.post("/api/v1/alerts", watch, alert);
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        UUID id = UUID.fromString(raised.json().get("id").asString());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> "ESCALATED".equals(
                single("SELECT status FROM alert_recipient WHERE alert_id = ? AND username = 'uzb.officer'", id)));
        // One escalation alert, and still one over the next polls of all three instances (every second each).
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Long.valueOf(1).equals(single("SELECT count(*) FROM alert WHERE escalated_from = ?", id)));
    }

    /**
     * Every instance's inject poller races for the same exercise's due injects (row locks, SKIP LOCKED): each inject
     * is delivered once, one report each, one audit entry each.
     */
    @Test
    void everyInstancePollsAnExerciseAndEachInjectIsDeliveredOnce() throws Exception {
        ApiClient api = new ApiClient(port(a));
        String director = api.token("exercise.director", "kalkan-demo");
        var planned = api.post("/api/v1/exercises", director, Map.of("name", "CLUSTER DRILL " + UUID.randomUUID(),
                "trainingAudience", List.of("KGZ", "UZB"), "objectives", List.of("Report handling"),
                "evaluatorUsers", List.of("kaz.officer"),
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS"))));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        UUID exercise = UUID.fromString(planned.json().get("id").asString());
        int injects = 8;
        StringBuilder csv = new StringBuilder("number,at,start,after,kind,from,to,expectedAction,objective,"
                + "contingency,deadline,content\n");
        for (int n = 1; n <= injects; n++) {
            // At 60 times real time: one inject a second of real time.
            csv.append(n).append(",PT").append(n).append("M,AT_TIME,,REPORT,KGZ border guard,KGZ,NONE,,,,\"")
                    .append(("{\"category\":\"BORDER_INCIDENT\",\"title\":\"Cluster drill report " + n
                            + "\",\"narrative\":\"Shots heard\",\"location\":{\"lat\":40.0,\"lon\":72.8},"
                            + "\"severity\":3,\"confidence\":\"PROBABLE\"}").replace("\"", "\"\""))
                    .append("\"\n");
        }
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port(b) + "/api/v1/exercises/" + exercise + "/injects"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + director)
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        try {
            assertThat(new ApiClient(port(c)).post("/api/v1/exercises/" + exercise + "/clock", director,
                    Map.of("action", "start", "rate", 60)).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> ((Number) single(
                    "SELECT count(*) FROM exercise_inject WHERE exercise_id = ? AND status = 'DELIVERED'", exercise))
                    .intValue() == injects);
            assertThat(single("SELECT max(deliveries) FROM exercise_inject WHERE exercise_id = ?", exercise))
                    .isEqualTo(1);
            assertThat(single("SELECT count(*) FROM report WHERE exercise_id = ?", exercise))
                    .isEqualTo((long) injects);
            assertThat(single("SELECT count(*) FROM audit_log WHERE action = 'EXERCISE_INJECT_DELIVERED' "
                    + "AND target LIKE ?", "exercise:" + exercise + "/%")).isEqualTo((long) injects);
        } finally {
            // Its injects would go on reaching KGZ and UZB users in the other tests.
            single("UPDATE exercise SET status = 'ENDED', clock_state = 'STOPPED' WHERE id = ? RETURNING id",
                    exercise);
        }
    }

    /** Whether an instance's live picture shows {@code user} the track {@code uid}. */
    private static boolean trackSeen(ConfigurableApplicationContext instance, String user, String uid) {
        var subject = instance.getBean(UserDirectory.class).find(user).orElseThrow().subject();
        return instance.getBean(Tracks.class).latest(subject).stream().anyMatch(t -> t.uid().equals(uid));
    }

    /** The one running instance holding the lease, once exactly one of them holds it. */
    private static ConfigurableApplicationContext leaseHolder() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> running().stream()
                .filter(instance -> instance.getBean(Lease.class).held()).count() == 1);
        return running().stream().filter(instance -> instance.getBean(Lease.class).held()).findFirst().orElseThrow();
    }

    /**
     * A publication an instance left behind (failed by the staleness monitor) is resubmitted by the lease holder only,
     * and completed once.
     */
    @Test
    @Order(Integer.MAX_VALUE - 2)
    void onlyTheLeaseHolderResubmitsAFailedPublicationAndItCompletesOnce() throws Exception {
        ConfigurableApplicationContext holder = leaseHolder();
        ApiClient apiA = new ApiClient(port(a));
        String incident = apiA.post("/api/v1/reports", apiA.token("aze.officer", "kalkan-demo"),
                IncidentFixtures.report("NATURAL_DISASTER", 41.31, 69.25, "RESTRICTED", "MEMBERS")).json()
                .get("incidentId").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> !"".equals(single("SELECT id FROM event_publication "
                + "WHERE event_type LIKE '%.Signal' AND completion_date IS NOT NULL AND serialized_event LIKE ?",
                "%" + incident + "%")));
        // As a dead instance would have left it: not completed, failed by the staleness monitor.
        UUID left = UUID.randomUUID();
        single("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                    completion_attempts)
                SELECT CAST(? AS uuid), listener_id, event_type, serialized_event, now() - interval '10 minutes',
                    'FAILED', 1
                FROM event_publication WHERE event_type LIKE '%.Signal' AND serialized_event LIKE '%' || ? || '%'
                LIMIT 1 RETURNING id""", left.toString(), incident);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> !"".equals(single(
                "SELECT completion_date FROM event_publication WHERE id = ? AND completion_date IS NOT NULL", left)));
        assertThat(single("SELECT completion_attempts FROM event_publication WHERE id = ?", left)).isEqualTo(2);
        assertThat(resubmissions(holder)).isPositive();
        for (ConfigurableApplicationContext other : instances()) {
            if (other != holder) {
                assertThat(resubmissions(other)).isZero();
            }
        }
    }

    private static double resubmissions(ConfigurableApplicationContext instance) {
        var counter = instance.getBean(MeterRegistry.class).find("kalkan.cluster.singleton.runs")
                .tag("task", "events.resubmit").counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * Last: it stops one instance. Exactly one of the three holds the lease and runs singleton work (the silence
     * poller here); when it dies one of the two others takes the lease within seconds and adopts a silence that ends
     * meanwhile, once across the survivors.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void theLeaseMovesToASurvivorWhenItsHolderDiesAndADueSilenceIsAdoptedOnce() throws Exception {
        ConfigurableApplicationContext holder = leaseHolder();
        List<ConfigurableApplicationContext> survivors = instances().stream().filter(i -> i != holder).toList();
        for (ConfigurableApplicationContext survivor : survivors) {
            assertThat(survivor.getBean(Lease.class).holder()).contains(holder.getBean(Cluster.class).incarnation());
        }
        // Over several polls only the holder runs the silence poller.
        double start = silencePolls(holder);
        Map<ConfigurableApplicationContext, Double> before = new java.util.HashMap<>();
        survivors.forEach(survivor -> before.put(survivor, silencePolls(survivor)));
        await().atMost(Duration.ofSeconds(15)).until(() -> silencePolls(holder) >= start + 3);
        for (ConfigurableApplicationContext survivor : survivors) {
            assertThat(silencePolls(survivor)).as("the silence poller runs on the lease holder only")
                    .isEqualTo(before.get(survivor));
        }
        assertThat(survivors).noneMatch(survivor -> survivor.getBean(Lease.class).held());

        // A decision whose silence ends just after its holder died.
        ApiClient api = new ApiClient(port(survivors.get(0)));
        String chair = api.token("council.chair", "kalkan-demo");
        Instant deadline = Instant.now().plusSeconds(7).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", "Adopted after the lease moved");
        draft.put("text", "The Council decides to keep working when an instance dies.");
        draft.put("label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")));
        draft.put("procedure", "SILENCE");
        draft.put("silenceEndsAt", deadline.toString());
        var circulated = api.post("/api/v1/council/decisions", chair, draft);
        assertThat(circulated.status()).as(circulated.body()).isEqualTo(201);
        UUID decision = UUID.fromString(circulated.json().get("id").asString());
        Map<ConfigurableApplicationContext, Double> adoptedBefore = new java.util.HashMap<>();
        survivors.forEach(survivor -> adoptedBefore.put(survivor, adoptions(survivor)));

        long killed = System.nanoTime();
        holder.close();
        ConfigurableApplicationContext successor = leaseHolder();
        System.out.println("lease moved to a survivor " + (System.nanoTime() - killed) / 1_000_000
                + " ms after its holder stopped");
        assertThat(survivors).contains(successor);
        await().atMost(Duration.ofSeconds(10)).until(() -> silencePolls(successor) > before.get(successor));

        // Read in the database, not through the API (a read adopts too): a survivor's poller adopted it, once.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> "ADOPTED".equals(single("SELECT status FROM council_decision WHERE id = ?", decision)));
        // (The counter is increased just after the adoption's commit.)
        await().atMost(Duration.ofSeconds(5)).until(() -> adoptions(successor) == adoptedBefore.get(successor) + 1);
        for (ConfigurableApplicationContext survivor : survivors) {
            if (survivor != successor) {
                assertThat(adoptions(survivor)).as("adopted by the lease holder only")
                        .isEqualTo(adoptedBefore.get(survivor));
            }
        }
        assertThat(single("SELECT count(*) FROM audit_log WHERE action = 'DECISION_ADOPTED' AND target = ?",
                "decision:" + decision)).isEqualTo(1L);
        assertThat(api.get("/api/v1/council/decisions/" + decision, chair).json().get("adoptedAt").asString())
                .isEqualTo(deadline.toString());
    }

    /**
     * Last: an instance joining the cluster hears signals only from its start on, yet a TAK device connecting to it
     * gets the latest SA a device on another instance sent before: the newcomer loaded the relayed positions.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aDeviceOnAnInstanceStartedLaterGetsTheLatestSaSentOnAnotherBefore() throws Exception {
        ConfigurableApplicationContext running = running().get(0);
        String uid = "before-d-" + System.nanoTime();
        try (CotTestClient aze = CotTestClient.tls(CotPorts.tls(running),
                TakIdentity.enrol(new ApiClient(port(running)), "aze.officer"))) {
            assertThat(aze.await("t-x-takp-v", Duration.ofSeconds(15))).isNotNull();
            aze.send(CotFixtures.labelled(uid, "CONFIDENTIAL", "AZE,TUR"));
            await().atMost(Duration.ofSeconds(15)).until(() -> Long.valueOf(1).equals(
                    single("SELECT count(*) FROM cot_relay WHERE uid = ?", uid)));
        }
        d = instance("d");
        try (CotTestClient tur = CotTestClient.tls(CotPorts.tls(d),
                TakIdentity.enrol(new ApiClient(port(d)), "tur.officer"));
                CotTestClient kaz = CotTestClient.tls(CotPorts.tls(d),
                        TakIdentity.enrol(new ApiClient(port(d)), "kaz.officer"))) {
            assertThat(tur.await(uid, Duration.ofSeconds(15))).as("latest SA relayed before D started").isNotNull();
            // The latest SA is queued on connecting, before the answer to the first ping.
            kaz.send(CotFixtures.ping());
            assertThat(kaz.receivedUntil("t-x-c-t-r", Duration.ofSeconds(15))).noneMatch(e -> e.contains(uid));
        }
    }

    private static double adoptions(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).counter("kalkan.council.silence.adopted").count();
    }

    /** The first column of the first row of a query, read straight from the database ("" for no row). */
    private static Object single(String sql, Object... parameters) throws Exception {
        return Database.single(postgres, sql, parameters);
    }

    private static double silencePolls(ConfigurableApplicationContext instance) {
        var counter = instance.getBean(MeterRegistry.class).find("kalkan.cluster.singleton.runs")
                .tag("task", "council.silence").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, Object> flashTo(String text, String user) {
        return Map.of("text", text, "recipients", Map.of("users", List.of(user)), "precedence", "FLASH",
                "label", Map.of("classification", "RESTRICTED", "releasableTo", List.of("MEMBERS")));
    }

    private static int unacknowledged(String dataLine) {
        assertThat(dataLine).as("a signal arrived").isNotNull().startsWith("data:");
        Matcher count = Pattern.compile("\"unacknowledged\":(\\d+)").matcher(dataLine);
        assertThat(count.find()).as(dataLine).isTrue();
        return Integer.parseInt(count.group(1));
    }

    /**
     * The signals on the topic (key and value), read by a consumer of a group of its own from the beginning until
     * one of them contains {@code until}.
     */
    private static List<String> signalsOnTheWire(String until) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Signal.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean quiet = false;
            // Until one contains it and a poll brought nothing more (what follows it is read too).
            while (!(quiet && values.stream().anyMatch(v -> v.contains(until))) && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                quiet = records.isEmpty();
                for (ConsumerRecord<String, String> record : records) {
                    values.add(record.key() + " " + record.value());
                }
            }
        }
        return values;
    }
}
