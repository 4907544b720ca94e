package org.kalkan.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Looks up users for other modules: recipients of alerts, delegates of a nation, members of a crisis team. */
@Service
public class UserDirectory {

    private static final String COLUMNS = "username, display_name, nation, clearance, roles, enabled, email";

    private final JdbcClient jdbc;

    UserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserSummary> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
                .param("username", username).query(UserDirectory::summary).optional();
    }

    /** Enabled users holding the role, ordered by username. */
    public List<UserSummary> withRole(Role role) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND :role = ANY(roles) ORDER BY username")
                .param("role", role.name()).query(UserDirectory::summary).list();
    }

    /** Enabled users of the nation, ordered by username. */
    public List<UserSummary> ofNation(NationCode nation) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND nation = :nation ORDER BY username")
                .param("nation", nation.value()).query(UserDirectory::summary).list();
    }

    public List<UserSummary> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username").query(UserDirectory::summary).list();
    }

    private static UserSummary summary(ResultSet rs, int row) throws SQLException {
        return new UserSummary(rs.getString("username"), rs.getString("display_name"),
                NationCode.of(rs.getString("nation")), Classification.ofRank(rs.getInt("clearance")),
                Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf)
                        .collect(Collectors.toSet()),
                rs.getBoolean("enabled"), rs.getString("email"));
    }
}
