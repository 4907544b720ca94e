package org.kalkan.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.kalkan.incident.IncidentCategory;
import org.kalkan.incident.IncidentQuery;
import org.kalkan.incident.Incidents;
import org.kalkan.incident.internal.IncidentSearch;
import org.kalkan.incident.internal.IncidentStore;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounding box (2°×2°) + 7-day window over 1,000,000 stored incidents spread over a year and the region, with
 * realistic labels: {@code Incidents.search} with real subjects (the SQL and label filter the API uses), p50/p95.
 * Baseline in the same run: PostgreSQL's own execution time for the same statements ({@code EXPLAIN ANALYZE}).
 * Not a test: run by the command in docs/benchmarks.md.
 */
public final class QueryBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] NATIONS = {"AZE", "KAZ", "KGZ", "TUR", "UZB"};
    private static final List<Subject> SUBJECTS = List.of(
            new Subject("kaz.officer", NationCode.of("KAZ"), Classification.SECRET, Set.of(Role.REPORTING_OFFICER)),
            new Subject("tur.officer", NationCode.of("TUR"), Classification.SECRET, Set.of(Role.REPORTING_OFFICER)),
            new Subject("hun.observer", NationCode.of("HUN"), Classification.CONFIDENTIAL, Set.of(Role.OBSERVER)));

    private QueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int incidents = BenchNode.intProperty("bench.incidents", 1_000_000);
        int queries = BenchNode.intProperty("bench.queries", 500);
        int warmup = BenchNode.intProperty("bench.warmup", 50);
        int limit = BenchNode.intProperty("bench.limit", 100);
        BenchNode.describeMachine();
        try (BenchNode node = BenchNode.start()) {
            JdbcClient jdbc = node.bean(JdbcClient.class);
            Instant now = Instant.now();
            long loadStart = System.nanoTime();
            load(node.bean(DataSource.class), incidents, now);
            jdbc.sql("VACUUM ANALYZE incident").update();
            System.out.printf("loaded %d incidents with COPY and analysed in %.1f s; table %s, indexes %s%n",
                    incidents, (System.nanoTime() - loadStart) / 1e9,
                    jdbc.sql("SELECT pg_size_pretty(pg_table_size('incident'))").query(String.class).single(),
                    jdbc.sql("SELECT pg_size_pretty(pg_indexes_size('incident'))").query(String.class).single());

            Incidents search = node.bean(Incidents.class);
            AccessPolicy policy = node.bean(AccessPolicy.class);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            double[] api = new double[queries];
            double[] postgres = new double[queries];
            double[] jdbcOnly = new double[queries];
            double[] planning = new double[queries];
            long returned = 0;
            for (int i = -warmup; i < queries; i++) {
                Subject subject = SUBJECTS.get(Math.floorMod(i, SUBJECTS.size()));
                double lon = 27 + random.nextDouble() * 52;
                double lat = 36 + random.nextDouble() * 18;
                Instant to = now.minus(Duration.ofMinutes(random.nextLong(358L * 24 * 60)));
                IncidentQuery query = new IncidentQuery(new double[] {lon - 1, lat - 1, lon + 1, lat + 1},
                        to.minus(Duration.ofDays(7)), to, null, null, limit, null);
                // Alternate which of the two runs first, so neither always finds the pages the other just read.
                JsonNode plan = i % 2 == 0 ? null : explain(jdbc, IncidentSearch.sql(query, policy.filter(subject, "i")));
                long start = System.nanoTime();
                int found = search.search(subject, query).items().size();
                double ms = (System.nanoTime() - start) / 1e6;
                if (plan == null) {
                    plan = explain(jdbc, IncidentSearch.sql(query, policy.filter(subject, "i")));
                }
                IncidentStore.SearchSql sql = IncidentSearch.sql(query, policy.filter(subject, "i"));
                long plain = System.nanoTime();
                jdbc.sql(sql.sql()).params(sql.parameters()).query().listOfRows();
                double plainMs = (System.nanoTime() - plain) / 1e6;
                if (i >= 0) {
                    api[i] = ms;
                    jdbcOnly[i] = plainMs;
                    postgres[i] = plan.get("Execution Time").asDouble();
                    planning[i] = plan.get("Planning Time").asDouble();
                    returned += found;
                }
            }
            System.out.printf("%nQueries: %d (after %d warm-up), limit %d, subjects %s; %.1f incidents returned on "
                    + "average%n", queries, warmup, limit, SUBJECTS.stream().map(Subject::username).toList(),
                    returned / (double) queries);
            report("Incidents.search (JDBC + mapping + policy)", api);
            report("same SQL, plain JdbcClient, no transaction", jdbcOnly);
            report("PostgreSQL execution time (EXPLAIN ANALYZE)", postgres);
            report("PostgreSQL planning time", planning);
            Arrays.sort(api);
            Arrays.sort(postgres);
            System.out.printf("Ratio p95 search / p95 PostgreSQL execution = %.2f; p50 = %.2f%n",
                    BenchNode.quantile(api, 0.95) / BenchNode.quantile(postgres, 0.95),
                    BenchNode.quantile(api, 0.5) / BenchNode.quantile(postgres, 0.5));
            Instant to = now.minus(Duration.ofDays(100));
            IncidentQuery sample = new IncidentQuery(new double[] {68, 40, 70, 42}, to.minus(Duration.ofDays(7)), to,
                    null, null, limit, null);
            IncidentStore.SearchSql sql = IncidentSearch.sql(sample, policy.filter(SUBJECTS.get(0), "i"));
            System.out.println("\nPlan of a sample query (kaz.officer, box 68,40,70,42):");
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql.sql()).params(sql.parameters()).query(String.class).list()
                    .forEach(line -> System.out.println("  " + line));
        }
    }

    private static JsonNode explain(JdbcClient jdbc, IncidentStore.SearchSql sql) {
        String json = jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + sql.sql()).params(sql.parameters())
                .query(String.class).single();
        return JSON.readTree(json).get(0);
    }

    private static void report(String what, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-45s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms  mean %7.2f ms%n",
                what, BenchNode.quantile(sorted, 0.5), BenchNode.quantile(sorted, 0.95),
                BenchNode.quantile(sorted, 0.99), sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(0));
    }

    /**
     * Incidents over the last year, stored in the order they were observed, in lon 26–80, lat 35–55 (uniformly):
     * 60 % a single observation, the rest lasting hours to a week; 3 % belong to an exercise; labels from UNCLASSIFIED // REL TO ALL to SECRET // REL TO one nation.
     */
    private static void load(DataSource dataSource, int count, Instant now) throws Exception {
        IncidentCategory[] categories = IncidentCategory.values();
        String[] statuses = {"NEW", "NEW", "ASSESSED", "ASSESSED", "MONITORING", "MONITORING", "ESCALATED", "CLOSED",
            "CLOSED", "CLOSED"};
        UUID[] exercises = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int chunk = 100_000;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (int done = 0; done < count; done += chunk) {
                StringBuilder csv = new StringBuilder(chunk * 200);
                for (int i = done; i < Math.min(count, done + chunk); i++) {
                    IncidentCategory category = categories[random.nextInt(categories.length)];
                    // Rows arrive roughly in time order, as incidents do.
                    Instant first = now.minusSeconds(Math.max(0, 365L * 24 * 3600 * (count - i) / count
                            - random.nextInt(3600)));
                    Instant last = random.nextInt(10) < 6 ? first
                            : first.plusSeconds(Math.min(7 * 24 * 3600, (long) (-Math.log(1 - random.nextDouble())
                                    * 12 * 3600)));
                    String nation = NATIONS[random.nextInt(NATIONS.length)];
                    csv.append(String.format(Locale.ROOT, "%s,%s,%s %d,%s,%d,%.5f,%.5f,%s,%s,%d,%d,\"{%s}\",%s,%s,%s,0%n",
                            UUID.randomUUID(), category, category, i, statuses[random.nextInt(statuses.length)],
                            1 + random.nextInt(5), 35 + random.nextDouble() * 20, 26 + random.nextDouble() * 54, first,
                            last.isAfter(now) ? now : last, 1 + random.nextInt(4), classification(random.nextInt(100)),
                            releasability(random.nextInt(100), nation, random),
                            random.nextInt(100) < 3 ? exercises[random.nextInt(exercises.length)] : "", first, last));
                }
                pg.getCopyAPI().copyIn("COPY incident (id, category, title, status, severity, lat, lon, "
                        + "first_observed_at, last_observed_at, report_count, classification, releasable_to, "
                        + "exercise_id, created_at, updated_at, version) FROM STDIN (FORMAT csv)",
                        new StringReader(csv.toString()));
            }
        }
    }

    private static int classification(int percent) {
        return percent < 30 ? 0 : percent < 65 ? 1 : percent < 90 ? 2 : 3;
    }

    private static String releasability(int percent, String nation, ThreadLocalRandom random) {
        if (percent < 25) {
            return "ALL";
        }
        if (percent < 60) {
            return "MEMBERS";
        }
        if (percent < 75) {
            return nation;
        }
        if (percent < 95) {
            String other = NATIONS[random.nextInt(NATIONS.length)];
            return other.equals(nation) ? nation : String.join(",", new java.util.TreeSet<>(List.of(nation, other)));
        }
        return "HUN,MEMBERS";
    }
}
