package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.Acceptance;
import org.kalkan.industry.CurvePoint;
import org.kalkan.industry.Dependency;
import org.kalkan.industry.Milestone;
import org.kalkan.industry.MilestoneId;
import org.kalkan.industry.MilestoneKind;
import org.kalkan.industry.NewMilestone;
import org.kalkan.industry.NewWorkPackage;
import org.kalkan.industry.Phase;
import org.kalkan.industry.Programme;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.ProgressReport;
import org.kalkan.industry.SupplierId;
import org.kalkan.industry.WorkPackage;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of programmes and their packages, links, curves, progress, milestones and baselines. */
@Repository
class ProgrammeStore {

    /** The default cost shares, for every phase without its own. */
    static final String ALL_PHASES = "*";

    private final JdbcClient jdbc;

    ProgrammeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Programme p, Map<String, BigDecimal> defaultShares) {
        jdbc.sql("""
                INSERT INTO industry_programme (id, name, nations, currency, phase, mou_reference, lead_nation,
                    classification, releasable_to, origin_nation, exercise_id, created_by, created_at)
                VALUES (:id, :name, :nations, :currency, :phase, :mou, :lead, :classification, :releasable, :origin,
                    :exercise, :by, :at)""")
                .param("id", p.id().value()).param("name", p.name()).param("nations", p.nations().toArray(String[]::new))
                .param("currency", p.currency()).param("phase", p.phase().name()).param("mou", p.mouReference())
                .param("lead", p.leadNation()).param("classification", LabelColumns.classification(p.label()))
                .param("releasable", LabelColumns.releasableTo(p.label())).param("origin", p.originNation())
                .param("exercise", p.exerciseId()).param("by", p.createdBy())
                .param("at", Timestamp.from(p.createdAt())).update();
        insertShares(p.id(), ALL_PHASES, defaultShares);
        p.phaseCostShares().forEach((phase, shares) -> insertShares(p.id(), phase.name(), shares));
    }

    private void insertShares(ProgrammeId id, String phase, Map<String, BigDecimal> shares) {
        shares.forEach((nation, share) -> jdbc.sql("""
                INSERT INTO industry_cost_share (programme_id, phase, nation, share) VALUES (:id, :phase, :nation, :share)""")
                .param("id", id.value()).param("phase", phase).param("nation", nation).param("share", share).update());
    }

    /** The programme if the filter lets its row through; {@code lock} takes its row lock for a write. */
    Optional<Programme> find(ProgrammeId id, LabelFilter filter, boolean lock) {
        return jdbc.sql("SELECT p.* FROM industry_programme p WHERE p.id = :id AND " + filter.sql()
                + (lock ? " FOR UPDATE" : ""))
                .param("id", id.value()).params(filter.parameters()).query(this::programme).optional();
    }

    /** The programme whatever the reader (for the node's own work: alerts, listeners). */
    Optional<Programme> findForNode(ProgrammeId id) {
        return jdbc.sql("SELECT p.* FROM industry_programme p WHERE p.id = :id").param("id", id.value())
                .query(this::programme).optional();
    }

    List<Programme> list(LabelFilter filter) {
        return jdbc.sql("SELECT p.* FROM industry_programme p WHERE " + filter.sql() + " ORDER BY p.name, p.id LIMIT 500")
                .params(filter.parameters()).query(this::programme).list();
    }

    void changePhase(ProgrammeId id, Phase phase) {
        jdbc.sql("UPDATE industry_programme SET phase = :phase, version = version + 1 WHERE id = :id")
                .param("phase", phase.name()).param("id", id.value()).update();
    }

    void touch(ProgrammeId id) {
        jdbc.sql("UPDATE industry_programme SET version = version + 1 WHERE id = :id").param("id", id.value()).update();
    }

    private Programme programme(ResultSet rs, int row) throws SQLException {
        ProgrammeId id = new ProgrammeId(rs.getObject("id", UUID.class));
        Phase phase = Phase.valueOf(rs.getString("phase"));
        Map<String, Map<String, BigDecimal>> shares = new HashMap<>();
        jdbc.sql("SELECT phase, nation, share FROM industry_cost_share WHERE programme_id = :id")
                .param("id", id.value()).query(r -> {
                    shares.computeIfAbsent(r.getString("phase"), k -> new TreeMap<>())
                            .put(r.getString("nation"), r.getBigDecimal("share").stripTrailingZeros());
                });
        Map<Phase, Map<String, BigDecimal>> byPhase = new EnumMap<>(Phase.class);
        shares.forEach((key, value) -> {
            if (!key.equals(ALL_PHASES)) {
                byPhase.put(Phase.valueOf(key), value);
            }
        });
        Map<String, BigDecimal> current = shares.getOrDefault(phase.name(), shares.getOrDefault(ALL_PHASES, Map.of()));
        return new Programme(id, rs.getString("name"), Arrays.asList((String[]) rs.getArray("nations").getArray()),
                current, byPhase, rs.getString("currency"), phase, rs.getString("mou_reference"),
                rs.getString("lead_nation"), LabelColumns.read(rs), rs.getString("origin_nation"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"),
                rs.getObject("exercise_id", UUID.class));
    }

    // --- work packages ---

    void insertPackage(ProgrammeId id, NewWorkPackage p) {
        jdbc.sql("""
                INSERT INTO industry_work_package (programme_id, code, position, title, nation, supplier_id, budget,
                    planned_start, planned_finish, control_entry)
                VALUES (:id, :code, (SELECT COALESCE(MAX(position), 0) + 1 FROM industry_work_package
                    WHERE programme_id = :id), :title, :nation, :supplier, :budget, :start, :finish, :entry)""")
                .param("id", id.value()).param("code", p.code()).param("title", p.title()).param("nation", p.nation())
                .param("supplier", p.supplier() == null ? null : p.supplier().value()).param("budget", p.budget())
                .param("start", p.plannedStart()).param("finish", p.plannedFinish())
                .param("entry", p.controlEntry()).update();
        for (CurvePoint point : p.curve()) {
            jdbc.sql("""
                    INSERT INTO industry_curve_point (programme_id, code, at, cumulative_percent)
                    VALUES (:id, :code, :at, :percent)""")
                    .param("id", id.value()).param("code", p.code()).param("at", point.date())
                    .param("percent", point.cumulativePercent()).update();
        }
    }

    /** Links are inserted once every package of a batch exists, so a batch may link forwards. */
    void insertLinks(ProgrammeId id, String code, List<Dependency> links) {
        for (Dependency link : links) {
            jdbc.sql("""
                    INSERT INTO industry_dependency (programme_id, code, predecessor, lag_days)
                    VALUES (:id, :code, :predecessor, :lag)""")
                    .param("id", id.value()).param("code", code).param("predecessor", link.code())
                    .param("lag", link.lagDays()).update();
        }
    }

    void replan(ProgrammeId id, String code, LocalDate start, LocalDate finish, BigDecimal budget) {
        jdbc.sql("""
                UPDATE industry_work_package SET planned_start = :start, planned_finish = :finish, budget = :budget
                WHERE programme_id = :id AND code = :code""")
                .param("start", start).param("finish", finish).param("budget", budget).param("id", id.value())
                .param("code", code).update();
        // a curve's points must stay inside the new dates: they are dropped (PV becomes linear again)
        jdbc.sql("DELETE FROM industry_curve_point WHERE programme_id = :id AND code = :code AND (at <= :start OR at >= :finish)")
                .param("id", id.value()).param("code", code).param("start", start).param("finish", finish).update();
    }

    void assignSupplier(ProgrammeId id, String code, SupplierId supplier, String nation) {
        jdbc.sql("""
                UPDATE industry_work_package SET supplier_id = :supplier, nation = :nation
                WHERE programme_id = :id AND code = :code""")
                .param("supplier", supplier.value()).param("nation", nation).param("id", id.value())
                .param("code", code).update();
    }

    List<WorkPackage> packages(ProgrammeId id) {
        Map<String, List<Dependency>> links = new HashMap<>();
        jdbc.sql("SELECT code, predecessor, lag_days FROM industry_dependency WHERE programme_id = :id ORDER BY predecessor")
                .param("id", id.value()).query(rs -> {
                    links.computeIfAbsent(rs.getString("code"), k -> new ArrayList<>())
                            .add(new Dependency(rs.getString("predecessor"), rs.getInt("lag_days")));
                });
        Map<String, List<CurvePoint>> curves = new HashMap<>();
        jdbc.sql("SELECT code, at, cumulative_percent FROM industry_curve_point WHERE programme_id = :id ORDER BY at")
                .param("id", id.value()).query(rs -> {
                    curves.computeIfAbsent(rs.getString("code"), k -> new ArrayList<>()).add(new CurvePoint(
                            rs.getObject("at", LocalDate.class), rs.getBigDecimal("cumulative_percent")));
                });
        Map<String, List<ProgressReport>> progress = new HashMap<>();
        jdbc.sql("SELECT * FROM industry_progress WHERE programme_id = :id ORDER BY as_of").param("id", id.value())
                .query(rs -> {
                    progress.computeIfAbsent(rs.getString("code"), k -> new ArrayList<>()).add(new ProgressReport(
                            rs.getObject("as_of", LocalDate.class), rs.getBigDecimal("percent_complete"),
                            rs.getBigDecimal("actual_cost"), rs.getString("reported_by"),
                            rs.getTimestamp("reported_at").toInstant()));
                });
        return jdbc.sql("""
                SELECT w.*, s.name AS supplier_name FROM industry_work_package w
                LEFT JOIN industry_supplier s ON s.id = w.supplier_id
                WHERE w.programme_id = :id ORDER BY w.position""")
                .param("id", id.value()).query((rs, row) -> {
                    String code = rs.getString("code");
                    UUID supplier = rs.getObject("supplier_id", UUID.class);
                    return new WorkPackage(code, rs.getString("title"), rs.getString("nation"),
                            supplier == null ? null : new SupplierId(supplier), rs.getString("supplier_name"),
                            rs.getBigDecimal("budget"), rs.getObject("planned_start", LocalDate.class),
                            rs.getObject("planned_finish", LocalDate.class), links.getOrDefault(code, List.of()),
                            curves.getOrDefault(code, List.of()), rs.getString("control_entry"),
                            progress.getOrDefault(code, List.of()));
                }).list();
    }

    void insertProgress(ProgrammeId id, String code, ProgressReport report) {
        jdbc.sql("""
                INSERT INTO industry_progress (programme_id, code, as_of, percent_complete, actual_cost, reported_by,
                    reported_at) VALUES (:id, :code, :asOf, :percent, :cost, :by, :at)""")
                .param("id", id.value()).param("code", code).param("asOf", report.asOf())
                .param("percent", report.percentComplete()).param("cost", report.actualCost())
                .param("by", report.reportedBy()).param("at", Timestamp.from(report.reportedAt())).update();
    }

    // --- milestones ---

    void insertMilestone(ProgrammeId id, MilestoneId milestone, NewMilestone m, Instant now) {
        jdbc.sql("""
                INSERT INTO industry_milestone (id, programme_id, name, kind, due, work_package, status, created_at)
                VALUES (:mid, :id, :name, :kind, :due, :wp, 'PENDING', :at)""")
                .param("mid", milestone.value()).param("id", id.value()).param("name", m.name())
                .param("kind", m.kind().name()).param("due", m.due()).param("wp", m.workPackage())
                .param("at", Timestamp.from(now)).update();
    }

    List<Milestone> milestones(ProgrammeId id) {
        return jdbc.sql("SELECT * FROM industry_milestone WHERE programme_id = :id ORDER BY due, name")
                .param("id", id.value()).query(ProgrammeStore::milestone).list();
    }

    Optional<Milestone> milestone(ProgrammeId id, MilestoneId milestone) {
        return jdbc.sql("SELECT * FROM industry_milestone WHERE programme_id = :id AND id = :mid")
                .param("id", id.value()).param("mid", milestone.value()).query(ProgrammeStore::milestone).optional();
    }

    void decide(MilestoneId milestone, Acceptance status, String by, LocalDate on, @Nullable String note) {
        jdbc.sql("UPDATE industry_milestone SET status = :status, decided_by = :by, decided_on = :on, note = :note WHERE id = :id")
                .param("status", status.name()).param("by", by).param("on", on).param("note", note)
                .param("id", milestone.value()).update();
    }

    private static Milestone milestone(ResultSet rs, int row) throws SQLException {
        return new Milestone(new MilestoneId(rs.getObject("id", UUID.class)), rs.getString("name"),
                MilestoneKind.valueOf(rs.getString("kind")), rs.getObject("due", LocalDate.class),
                rs.getString("work_package"), Acceptance.valueOf(rs.getString("status")), rs.getString("decided_by"),
                rs.getObject("decided_on", LocalDate.class), rs.getString("note"));
    }

    // --- baselines ---

    /** A saved package: its planned and early dates and budget at the time. */
    record BaselinePackage(String code, BigDecimal budget, LocalDate plannedStart, LocalDate plannedFinish,
            LocalDate earlyStart, LocalDate earlyFinish) {
    }

    record Baseline(UUID id, String savedBy, Instant savedAt, Map<String, BaselinePackage> packages) {
    }

    void insertBaseline(ProgrammeId id, UUID baseline, String by, Instant at, List<BaselinePackage> packages) {
        jdbc.sql("INSERT INTO industry_baseline (id, programme_id, saved_by, saved_at) VALUES (:b, :id, :by, :at)")
                .param("b", baseline).param("id", id.value()).param("by", by).param("at", Timestamp.from(at)).update();
        for (BaselinePackage p : packages) {
            jdbc.sql("""
                    INSERT INTO industry_baseline_package (baseline_id, code, budget, planned_start, planned_finish,
                        early_start, early_finish) VALUES (:b, :code, :budget, :ps, :pf, :es, :ef)""")
                    .param("b", baseline).param("code", p.code()).param("budget", p.budget())
                    .param("ps", p.plannedStart()).param("pf", p.plannedFinish()).param("es", p.earlyStart())
                    .param("ef", p.earlyFinish()).update();
        }
    }

    Optional<Baseline> latestBaseline(ProgrammeId id) {
        return jdbc.sql("SELECT * FROM industry_baseline WHERE programme_id = :id ORDER BY saved_at DESC, id LIMIT 1")
                .param("id", id.value()).query((rs, row) -> {
                    UUID baseline = rs.getObject("id", UUID.class);
                    Map<String, BaselinePackage> packages = new LinkedHashMap<>();
                    jdbc.sql("SELECT * FROM industry_baseline_package WHERE baseline_id = :b ORDER BY code")
                            .param("b", baseline).query(r -> {
                                packages.put(r.getString("code"), new BaselinePackage(r.getString("code"),
                                        r.getBigDecimal("budget"), r.getObject("planned_start", LocalDate.class),
                                        r.getObject("planned_finish", LocalDate.class),
                                        r.getObject("early_start", LocalDate.class),
                                        r.getObject("early_finish", LocalDate.class)));
                            });
                    return new Baseline(baseline, rs.getString("saved_by"), rs.getTimestamp("saved_at").toInstant(),
                            packages);
                }).optional();
    }

    // --- balance state ---

    /** The band state last seen for the nation, if any. */
    Optional<Boolean> inBand(ProgrammeId id, String nation) {
        return jdbc.sql("SELECT in_band FROM industry_balance_state WHERE programme_id = :id AND nation = :nation")
                .param("id", id.value()).param("nation", nation).query(Boolean.class).optional();
    }

    void saveBand(ProgrammeId id, String nation, boolean inBand, @Nullable BigDecimal balance, Instant at) {
        jdbc.sql("""
                INSERT INTO industry_balance_state (programme_id, nation, in_band, balance, changed_at)
                VALUES (:id, :nation, :inBand, :balance, :at)
                ON CONFLICT (programme_id, nation) DO UPDATE SET in_band = :inBand, balance = :balance, changed_at = :at""")
                .param("id", id.value()).param("nation", nation).param("inBand", inBand).param("balance", balance)
                .param("at", Timestamp.from(at)).update();
    }

    /** Deletes every programme (with its children, by cascade) of a purged exercise. */
    int purge(UUID exercise) {
        return jdbc.sql("DELETE FROM industry_programme WHERE exercise_id = :e").param("e", exercise).update();
    }
}
