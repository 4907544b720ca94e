package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.ProposalId;
import org.kalkan.industry.ProposalStatus;
import org.kalkan.industry.RebalancingProposal;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of rebalancing proposals, read through their programme's label. */
@Repository
class Rebalancings {

    private static final String SELECT = """
            SELECT r.*, p.name AS programme_name, p.classification, p.releasable_to,
                p.origin_nation FROM industry_rebalancing r
            JOIN industry_programme p ON p.id = r.programme_id""";

    private final JdbcClient jdbc;

    Rebalancings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ProposalId id, ProgrammeId programme, String nation, @Nullable BigDecimal balance,
            BigDecimal shortfall, String text, Instant at) {
        jdbc.sql("""
                INSERT INTO industry_rebalancing (id, programme_id, nation, balance, shortfall, text, status, created_at)
                VALUES (:id, :programme, :nation, :balance, :shortfall, :text, 'PROPOSED', :at)""")
                .param("id", id.value()).param("programme", programme.value()).param("nation", nation)
                .param("balance", balance).param("shortfall", shortfall).param("text", text)
                .param("at", Timestamp.from(at)).update();
    }

    /** Earlier open proposals for the same nation are withdrawn by a newer one. */
    void withdrawOpen(ProgrammeId programme, String nation) {
        jdbc.sql("UPDATE industry_rebalancing SET status = 'WITHDRAWN' WHERE programme_id = :p AND nation = :n "
                + "AND status = 'PROPOSED'").param("p", programme.value()).param("n", nation).update();
    }

    Optional<RebalancingProposal> find(ProposalId id, LabelFilter programmeFilter, boolean lock) {
        return jdbc.sql(SELECT + " WHERE r.id = :id AND " + programmeFilter.sql() + (lock ? " FOR UPDATE OF r" : ""))
                .param("id", id.value()).params(programmeFilter.parameters()).query(Rebalancings::proposal).optional();
    }

    List<RebalancingProposal> list(@Nullable ProgrammeId programme, LabelFilter programmeFilter) {
        return jdbc.sql(SELECT + " WHERE " + programmeFilter.sql()
                + (programme == null ? "" : " AND r.programme_id = :programme") + " ORDER BY r.created_at DESC LIMIT 200")
                .params(programmeFilter.parameters())
                .params(programme == null ? java.util.Map.of() : java.util.Map.of("programme", programme.value()))
                .query(Rebalancings::proposal).list();
    }

    void circulated(ProposalId id, UUID decision) {
        jdbc.sql("UPDATE industry_rebalancing SET status = 'CIRCULATED', decision_id = :d WHERE id = :id")
                .param("d", decision).param("id", id.value()).update();
    }

    /** Marks the proposal of an adopted decision; false when no proposal waited for it. */
    boolean adopted(UUID decision, String registerNumber) {
        return jdbc.sql("UPDATE industry_rebalancing SET status = 'ADOPTED', register_number = :n "
                + "WHERE decision_id = :d AND status = 'CIRCULATED'")
                .param("n", registerNumber).param("d", decision).update() > 0;
    }

    private static RebalancingProposal proposal(ResultSet rs, int row) throws SQLException {
        return new RebalancingProposal(new ProposalId(rs.getObject("id", UUID.class)),
                new ProgrammeId(rs.getObject("programme_id", UUID.class)), rs.getString("programme_name"),
                rs.getString("nation"), rs.getBigDecimal("balance"), rs.getBigDecimal("shortfall"),
                rs.getString("text"), ProposalStatus.valueOf(rs.getString("status")),
                rs.getObject("decision_id", UUID.class), rs.getString("register_number"),
                rs.getTimestamp("created_at").toInstant(), LabelColumns.read(rs),
                rs.getString("origin_nation"));
    }
}
