package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.kalkan.industry.Allocation;
import org.kalkan.industry.AllocationId;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.SupplierId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of allocations, read through their programme (whose label the caller has already been checked against). */
@Repository
class AllocationStore {

    private final JdbcClient jdbc;

    AllocationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Allocation a) {
        jdbc.sql("UPDATE industry_allocation SET status = 'SUPERSEDED' WHERE programme_id = :p AND status = 'PROPOSED'")
                .param("p", a.programme().value()).update();
        jdbc.sql("""
                INSERT INTO industry_allocation (id, programme_id, status, solver_status, objective, bound, gap,
                    created_by, created_at) VALUES (:id, :p, :status, :solver, :objective, :bound, :gap, :by, :at)""")
                .param("id", a.id().value()).param("p", a.programme().value()).param("status", a.status())
                .param("solver", a.solverStatus()).param("objective", a.objective()).param("bound", a.bound())
                .param("gap", a.gap()).param("by", a.createdBy()).param("at", Timestamp.from(a.createdAt())).update();
        for (Allocation.Assignment s : a.assignments()) {
            jdbc.sql("""
                    INSERT INTO industry_allocation_item (allocation_id, code, supplier_id, nation, cost)
                    VALUES (:id, :code, :supplier, :nation, :cost)""")
                    .param("id", a.id().value()).param("code", s.code()).param("supplier", s.supplier().value())
                    .param("nation", s.nation()).param("cost", s.cost()).update();
        }
        for (Allocation.Unallocated u : a.unallocated()) {
            jdbc.sql("INSERT INTO industry_allocation_item (allocation_id, code, reason) VALUES (:id, :code, :reason)")
                    .param("id", a.id().value()).param("code", u.code()).param("reason", u.reason()).update();
        }
    }

    Optional<Allocation> find(ProgrammeId programme, AllocationId id, boolean lock) {
        return jdbc.sql("SELECT * FROM industry_allocation WHERE id = :id AND programme_id = :p"
                + (lock ? " FOR UPDATE" : "")).param("id", id.value()).param("p", programme.value())
                .query((rs, n) -> {
                    List<Allocation.Assignment> assignments = new ArrayList<>();
                    List<Allocation.Unallocated> unallocated = new ArrayList<>();
                    jdbc.sql("""
                            SELECT i.*, s.name FROM industry_allocation_item i
                            LEFT JOIN industry_supplier s ON s.id = i.supplier_id
                            WHERE i.allocation_id = :id ORDER BY i.code""").param("id", id.value()).query(r -> {
                                UUID supplier = r.getObject("supplier_id", UUID.class);
                                if (supplier == null) {
                                    unallocated.add(new Allocation.Unallocated(r.getString("code"), r.getString("reason")));
                                } else {
                                    assignments.add(new Allocation.Assignment(r.getString("code"),
                                            new SupplierId(supplier), r.getString("name"), r.getString("nation"),
                                            r.getBigDecimal("cost")));
                                }
                            });
                    BigDecimal gap = rs.getBigDecimal("gap");
                    return new Allocation(id, programme, rs.getString("status"), rs.getString("solver_status"),
                            "OPTIMAL".equals(rs.getString("solver_status")), rs.getBigDecimal("objective"),
                            rs.getBigDecimal("bound"), gap, assignments, unallocated, rs.getString("created_by"),
                            rs.getTimestamp("created_at").toInstant());
                }).optional();
    }

    void accepted(AllocationId id) {
        jdbc.sql("UPDATE industry_allocation SET status = 'ACCEPTED' WHERE id = :id").param("id", id.value()).update();
    }
}
