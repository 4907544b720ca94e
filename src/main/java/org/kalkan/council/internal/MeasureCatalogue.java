package org.kalkan.council.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Measure;
import org.kalkan.council.MeasureOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalogue of pre-agreed response measures, and the check that a decision names them correctly. */
@Repository
class MeasureCatalogue {

    private final JdbcClient jdbc;

    MeasureCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Measure> all() {
        return jdbc.sql("SELECT * FROM council_measure ORDER BY code")
                .query((rs, i) -> new Measure(rs.getString("code"), rs.getString("name"), rs.getString("description"),
                        Arrays.asList((String[]) rs.getArray("parameters").getArray()),
                        rs.getBoolean("requires_crisis")))
                .list();
    }

    Optional<Measure> find(String code) {
        return all().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /**
     * Each measure once, from the catalogue, with exactly its parameters (none blank), and a crisis for those that
     * act on one. Throws {@link IllegalArgumentException} naming the first fault. The records they name (the crisis,
     * a plan) are resolved by their owning modules, not here ({@link References}).
     */
    List<MeasureOrder> validate(@Nullable List<MeasureOrder> orders, @Nullable UUID crisisId) {
        if (orders == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (MeasureOrder order : orders) {
            if (order == null) {
                throw new IllegalArgumentException("a measure entry is empty");
            }
            Measure measure = find(order.code()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown measure " + order.code() + "; the catalogue is at GET /api/v1/council/measures"));
            if (!seen.add(order.code())) {
                throw new IllegalArgumentException("measure " + order.code() + " is named twice");
            }
            Set<String> expected = new TreeSet<>(measure.parameters());
            if (!expected.equals(new TreeSet<>(order.parameters().keySet()))) {
                throw new IllegalArgumentException("measure " + order.code() + " takes exactly the parameters "
                        + expected + ", not " + new TreeSet<>(order.parameters().keySet()));
            }
            for (Map.Entry<String, String> parameter : order.parameters().entrySet()) {
                if (parameter.getValue() == null || parameter.getValue().isBlank()) {
                    throw new IllegalArgumentException("parameter " + parameter.getKey() + " of measure "
                            + order.code() + " is blank");
                }
            }
            if (measure.requiresCrisis() && crisisId == null) {
                throw new IllegalArgumentException("measure " + order.code() + " acts on a crisis: give crisisId");
            }
        }
        return List.copyOf(orders);
    }
}
