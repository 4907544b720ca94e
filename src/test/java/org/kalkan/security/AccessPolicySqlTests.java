package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.KalkanTest;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL filter and the in-memory decision must agree row for row, so counts and pages stay honest — also on the
 * context: a real-world subject sees no exercise row, and a subject in an exercise only that exercise's rows.
 */
@KalkanTest
class AccessPolicySqlTests {

    private static final List<String> ENTRIES = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM", "MEMBERS",
            "ALL", "NATO");
    private static final List<String> NATIONS = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM");

    @Autowired AccessPolicy policy;
    @Autowired JdbcClient jdbc;

    private final List<Row> rows = new ArrayList<>();

    private static final UUID EXERCISE_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID EXERCISE_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final List<UUID> CONTEXTS = java.util.Arrays.asList(null, EXERCISE_A, EXERCISE_B);

    record Row(int id, SecurityLabel label, NationCode origin, UUID exercise) {
    }

    @BeforeEach
    void labelledRows() {
        jdbc.sql("""
                CREATE TABLE labelled_fixture (id INT PRIMARY KEY, classification SMALLINT,
                    releasable_to TEXT[] NOT NULL, origin_nation CHAR(3) NOT NULL, exercise_id UUID)""").update();
        Random random = new Random(20261125);
        for (int id = 0; id < 600; id++) {
            Set<String> releasable = new HashSet<>();
            int size = 1 + random.nextInt(3);
            while (releasable.size() < size) {
                releasable.add(ENTRIES.get(random.nextInt(ENTRIES.size())));
            }
            Row row = new Row(id, SecurityLabel.of(Classification.values()[random.nextInt(4)], releasable),
                    NationCode.of(NATIONS.get(random.nextInt(NATIONS.size()))),
                    CONTEXTS.get(random.nextInt(CONTEXTS.size())));
            rows.add(row);
            jdbc.sql("INSERT INTO labelled_fixture VALUES (:id, :c, :r, :o, :e)")
                    .param("id", id).param("c", row.label().classification().rank())
                    .param("r", row.label().releasableTo().toArray(String[]::new))
                    .param("o", row.origin().value()).param("e", row.exercise(), java.sql.Types.OTHER).update();
        }
        // A row with no classification must never be returned.
        jdbc.sql("INSERT INTO labelled_fixture VALUES (9999, NULL, '{ALL}', 'AZE', NULL)").update();
    }

    @AfterEach
    void drop() {
        jdbc.sql("DROP TABLE labelled_fixture").update();
    }

    @Test
    void sqlFilterReturnsExactlyWhatThePolicyAllows() {
        for (String nation : List.of("AZE", "KAZ", "TUR", "HUN", "TKM", "USA")) {
            for (Classification clearance : Classification.values()) {
                for (UUID context : CONTEXTS) {
                    sameRows(new Subject("u", NationCode.of(nation), clearance, EnumSet.noneOf(Role.class), context));
                }
            }
        }
    }

    @Test
    void noContextSeesAnotherContextsRows() {
        for (UUID context : CONTEXTS) {
            Subject subject = new Subject("u", NationCode.of("AZE"), Classification.SECRET, Set.of(), context);
            LabelFilter filter = policy.filter(subject, "f");
            List<UUID> seen = jdbc.sql("SELECT exercise_id FROM labelled_fixture f WHERE " + filter.sql())
                    .params(filter.parameters()).query((rs, i) -> rs.getObject(1, UUID.class)).list();
            assertThat(seen).as("context %s", context).isNotEmpty()
                    .allMatch(e -> java.util.Objects.equals(e, context));
            LabelFilter shared = policy.filterAcrossContexts(subject, "f");
            assertThat(jdbc.sql("SELECT count(*) FROM labelled_fixture f WHERE " + shared.sql())
                    .params(shared.parameters()).query(Long.class).single()).isGreaterThan(seen.size());
        }
    }

    @Test
    void thePublicReleaseFilterReturnsExactlyWhatThePolicyReleases() {
        for (Classification classification : Classification.values()) {
            for (List<String> audience : List.of(List.of("ALL"), List.of("MEMBERS"), List.of("HUN"),
                    List.of("AZE", "TUR"), List.of("NATO"))) {
                SecurityLabel release = SecurityLabel.of(classification, audience);
                LabelFilter filter = policy.releasedToFilter(release, "f");
                Set<Integer> fromSql = new HashSet<>(jdbc.sql("SELECT id FROM labelled_fixture f WHERE "
                        + filter.sql()).params(filter.parameters()).query(Integer.class).list());
                Set<Integer> fromPolicy = new HashSet<>();
                rows.stream().filter(r -> policy.isReleasedTo(r.label(), release)).forEach(r -> fromPolicy.add(r.id()));
                assertThat(fromSql).as(release.marking()).isEqualTo(fromPolicy);
                if (release.equals(SecurityLabel.of(Classification.UNCLASSIFIED, "ALL"))) {
                    assertThat(fromSql).isNotEmpty();
                }
            }
        }
    }

    private void sameRows(Subject subject) {
        LabelFilter filter = policy.filter(subject, "f");
        Set<Integer> fromSql = new HashSet<>(jdbc.sql("SELECT id FROM labelled_fixture f WHERE " + filter.sql())
                .params(filter.parameters()).query(Integer.class).list());
        Set<Integer> fromPolicy = new HashSet<>();
        rows.stream().filter(r -> policy.canRead(subject, r.label(), r.origin(), r.exercise()))
                .forEach(r -> fromPolicy.add(r.id()));
        assertThat(fromSql).as("%s cleared %s in %s", subject.nation(), subject.clearance(), subject.exercise())
                .isEqualTo(fromPolicy);
    }
}
