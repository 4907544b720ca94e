package org.kalkan.industry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.Certificate;
import org.kalkan.industry.NewSupplier;
import org.kalkan.industry.Supplier;
import org.kalkan.industry.SupplierId;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.Classification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of suppliers and their certificates; reads always take a {@link LabelFilter}. */
@Repository
class SupplierStore {

    /** The budget of each supplier's packages not yet reported complete, across programmes. */
    private static final String SELECT = """
            SELECT s.*, COALESCE((SELECT SUM(w.budget) FROM industry_work_package w WHERE w.supplier_id = s.id
                AND NOT EXISTS (SELECT 1 FROM industry_progress r WHERE r.programme_id = w.programme_id
                    AND r.code = w.code AND r.percent_complete = 100)), 0) AS committed
            FROM industry_supplier s""";

    private final JdbcClient jdbc;

    SupplierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SupplierId id, String nation, NewSupplier s, String by, Instant at, @Nullable UUID exercise) {
        jdbc.sql("""
                INSERT INTO industry_supplier (id, name, nation, facility_clearance, capacity, cost_factor,
                    classification, releasable_to, origin_nation, exercise_id, created_by, created_at)
                VALUES (:id, :name, :nation, :clearance, :capacity, :factor, :classification, :releasable, :nation,
                    :exercise, :by, :at)""")
                .param("id", id.value()).param("name", s.name()).param("nation", nation)
                .param("clearance", s.facilityClearance().rank()).param("capacity", s.capacity())
                .param("factor", s.costFactor()).param("classification", LabelColumns.classification(s.label()))
                .param("releasable", LabelColumns.releasableTo(s.label())).param("exercise", exercise)
                .param("by", by).param("at", Timestamp.from(at)).update();
        for (Certificate c : s.certificates()) {
            jdbc.sql("INSERT INTO industry_certificate (supplier_id, standard, valid_until) VALUES (:id, :std, :until)")
                    .param("id", id.value()).param("std", c.standard()).param("until", c.validUntil()).update();
        }
    }

    Optional<Supplier> find(SupplierId id, LabelFilter filter) {
        return jdbc.sql(SELECT + " WHERE s.id = :id AND " + filter.sql()).param("id", id.value())
                .params(filter.parameters()).query(this::supplier).optional();
    }

    List<Supplier> list(LabelFilter filter) {
        return jdbc.sql(SELECT + " WHERE " + filter.sql() + " ORDER BY s.nation, s.name LIMIT 1000")
                .params(filter.parameters()).query(this::supplier).list();
    }

    private Supplier supplier(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Supplier(new SupplierId(id), rs.getString("name"), rs.getString("nation"),
                Classification.ofRank(rs.getInt("facility_clearance")), rs.getBigDecimal("capacity"),
                rs.getBigDecimal("cost_factor"), certificates(List.of(id)).getOrDefault(id, List.of()),
                rs.getBigDecimal("committed"), LabelColumns.read(rs));
    }

    private Map<UUID, List<Certificate>> certificates(List<UUID> ids) {
        Map<UUID, List<Certificate>> map = new HashMap<>();
        jdbc.sql("SELECT * FROM industry_certificate WHERE supplier_id = ANY(:ids) ORDER BY standard")
                .param("ids", ids.toArray(UUID[]::new)).query(rs -> {
                    map.computeIfAbsent(rs.getObject("supplier_id", UUID.class), k -> new ArrayList<>())
                            .add(new Certificate(rs.getString("standard"), rs.getObject("valid_until", LocalDate.class)));
                });
        return map;
    }

    int purge(UUID exercise) {
        return jdbc.sql("DELETE FROM industry_supplier WHERE exercise_id = :e").param("e", exercise).update();
    }
}
