package org.kalkan.force.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.Caveats;
import org.kalkan.force.ForceUnit;
import org.kalkan.force.MovementMode;
import org.kalkan.force.UnitDetails;
import org.kalkan.force.UnitId;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the unit registry; reads for people always take a {@link LabelFilter}. */
@Repository
public class UnitStore {

    private static final String COLUMNS = """
            name = :name, sidc = :sidc, capabilities = :capabilities, personnel = :personnel,
            notice_to_move_hours = :ntm, home_lat = :lat, home_lon = :lon, movement_modes = :modes,
            available_from = :from, available_to = :to, standing_pool = :pool, allowed_countries = :allowed,
            excluded_countries = :excluded, excluded_uses = :uses, max_deployment_days = :days,
            own_territory_only = :own, classification = :classification, releasable_to = :releasable,
            updated_at = :now""";

    private final JdbcClient jdbc;

    UnitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UnitId id, NationCode nation, UnitDetails d, Instant now) {
        bind(jdbc.sql("""
                INSERT INTO force_unit (id, nation, origin_nation, created_at, name, sidc, capabilities, personnel,
                    notice_to_move_hours, home_lat, home_lon, movement_modes, available_from, available_to,
                    standing_pool, allowed_countries, excluded_countries, excluded_uses, max_deployment_days,
                    own_territory_only, classification, releasable_to, updated_at)
                VALUES (:id, :nation, :nation, :now, :name, :sidc, :capabilities, :personnel, :ntm, :lat, :lon,
                    :modes, :from, :to, :pool, :allowed, :excluded, :uses, :days, :own, :classification, :releasable,
                    :now)"""), d, now)
                .param("id", id.value()).param("nation", nation.value()).update();
    }

    /** Updates the unit if the version still matches; false when someone else changed it first. */
    public boolean update(UnitId id, UnitDetails d, int expectedVersion, Instant now) {
        return bind(jdbc.sql("UPDATE force_unit SET " + COLUMNS + ", version = version + 1 "
                        + "WHERE id = :id AND version = :version"), d, now)
                .param("id", id.value()).param("version", expectedVersion).update() == 1;
    }

    public Optional<ForceUnit> find(UnitId id) {
        return jdbc.sql("SELECT * FROM force_unit WHERE id = :id").param("id", id.value())
                .query(UnitStore::unit).optional();
    }

    public List<ForceUnit> list(LabelFilter filter, @Nullable String nation, @Nullable Capability capability,
            @Nullable Boolean standingPool) {
        StringBuilder sql = new StringBuilder("SELECT * FROM force_unit u WHERE ").append(filter.sql());
        var spec = new java.util.HashMap<String, Object>(filter.parameters());
        if (nation != null) {
            sql.append(" AND u.nation = :nation");
            spec.put("nation", nation);
        }
        if (capability != null) {
            sql.append(" AND :capability = ANY(u.capabilities)");
            spec.put("capability", capability.name());
        }
        if (standingPool != null) {
            sql.append(" AND u.standing_pool = :pool");
            spec.put("pool", standingPool);
        }
        sql.append(" ORDER BY u.nation, u.name LIMIT 5000");
        return jdbc.sql(sql.toString()).params(spec).query(UnitStore::unit).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, UnitDetails d, Instant now) {
        return spec.param("name", d.name()).param("sidc", d.sidc())
                .param("capabilities", names(d.capabilities())).param("personnel", d.personnel())
                .param("ntm", d.noticeToMoveHours()).param("lat", d.home().lat()).param("lon", d.home().lon())
                .param("modes", names(d.movementModes()))
                .param("from", d.availableFrom() == null ? null : Timestamp.from(d.availableFrom()))
                .param("to", d.availableTo() == null ? null : Timestamp.from(d.availableTo()))
                .param("pool", d.standingPool())
                .param("allowed", d.caveats().allowedCountries().toArray(String[]::new))
                .param("excluded", d.caveats().excludedCountries().toArray(String[]::new))
                .param("uses", d.caveats().excludedUses().toArray(String[]::new))
                .param("days", d.caveats().maxDeploymentDays()).param("own", d.caveats().ownTerritoryOnly())
                .param("classification", LabelColumns.classification(d.label()))
                .param("releasable", LabelColumns.releasableTo(d.label()))
                .param("now", Timestamp.from(now));
    }

    private static String[] names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static ForceUnit unit(ResultSet rs, int row) throws SQLException {
        Timestamp from = rs.getTimestamp("available_from");
        Timestamp to = rs.getTimestamp("available_to");
        int days = rs.getInt("max_deployment_days");
        Integer maxDays = rs.wasNull() ? null : days;
        UnitDetails details = new UnitDetails(rs.getString("name"), rs.getString("sidc"),
                strings(rs.getArray("capabilities")).stream().map(Capability::valueOf).collect(Collectors.toSet()),
                rs.getInt("personnel"), rs.getInt("notice_to_move_hours"),
                new GeoPoint(rs.getDouble("home_lat"), rs.getDouble("home_lon")),
                strings(rs.getArray("movement_modes")).stream().map(MovementMode::valueOf).collect(Collectors.toSet()),
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                rs.getBoolean("standing_pool"),
                new Caveats(strings(rs.getArray("allowed_countries")), strings(rs.getArray("excluded_countries")),
                        strings(rs.getArray("excluded_uses")), maxDays, rs.getBoolean("own_territory_only")),
                LabelColumns.read(rs));
        return new ForceUnit(new UnitId(rs.getObject("id", UUID.class)), NationCode.of(rs.getString("nation")),
                details, rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    private static Set<String> strings(Array array) throws SQLException {
        return new TreeSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
