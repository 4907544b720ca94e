package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kalkan.KalkanTest;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SQL filter and the in-memory decision must agree row for row, so counts and pages stay honest. */
@KalkanTest
class AccessPolicySqlTests {

    private static final List<String> ENTRIES = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM", "MEMBERS",
            "ALL", "NATO");
    private static final List<String> NATIONS = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM");

    @Autowired AccessPolicy policy;
    @Autowired JdbcClient jdbc;

    private final List<Row> rows = new ArrayList<>();

    record Row(int id, SecurityLabel label, NationCode origin) {
    }

    @BeforeEach
    void labelledRows() {
        jdbc.sql("""
                CREATE TABLE labelled_fixture (id INT PRIMARY KEY, classification SMALLINT,
                    releasable_to TEXT[] NOT NULL, origin_nation CHAR(3) NOT NULL)""").update();
        Random random = new Random(20261125);
        for (int id = 0; id < 600; id++) {
            Set<String> releasable = new HashSet<>();
            int size = 1 + random.nextInt(3);
            while (releasable.size() < size) {
                releasable.add(ENTRIES.get(random.nextInt(ENTRIES.size())));
            }
            Row row = new Row(id, SecurityLabel.of(Classification.values()[random.nextInt(4)], releasable),
                    NationCode.of(NATIONS.get(random.nextInt(NATIONS.size()))));
            rows.add(row);
            jdbc.sql("INSERT INTO labelled_fixture VALUES (:id, :c, :r, :o)")
                    .param("id", id).param("c", row.label().classification().rank())
                    .param("r", row.label().releasableTo().toArray(String[]::new))
                    .param("o", row.origin().value()).update();
        }
        // A row with no classification must never be returned.
        jdbc.sql("INSERT INTO labelled_fixture VALUES (9999, NULL, '{ALL}', 'AZE')").update();
    }

    @AfterEach
    void drop() {
        jdbc.sql("DROP TABLE labelled_fixture").update();
    }

    @Test
    void sqlFilterReturnsExactlyWhatThePolicyAllows() {
        for (String nation : List.of("AZE", "KAZ", "TUR", "HUN", "TKM", "USA")) {
            for (Classification clearance : Classification.values()) {
                Subject subject = new Subject("u", NationCode.of(nation), clearance, EnumSet.noneOf(Role.class));
                LabelFilter filter = policy.filter(subject, "f");
                Set<Integer> fromSql = new HashSet<>(jdbc.sql("SELECT id FROM labelled_fixture f WHERE " + filter.sql())
                        .params(filter.parameters()).query(Integer.class).list());
                Set<Integer> fromPolicy = new HashSet<>();
                rows.stream().filter(r -> policy.canRead(subject, r.label(), r.origin()))
                        .forEach(r -> fromPolicy.add(r.id()));
                assertThat(fromSql).as("%s cleared %s", nation, clearance).isEqualTo(fromPolicy);
            }
        }
    }
}
