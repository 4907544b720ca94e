package org.kalkan.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kalkan.security.Role;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link UserDirectory} from the accounts table. */
@Service("userDirectory")
class AppUserDirectory implements UserDirectory {

    private static final String COLUMNS = "username, display_name, nation, clearance, roles, enabled, email";

    private final JdbcClient jdbc;

    AppUserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserSummary> find(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :username")
                .param("username", username).query(AppUserDirectory::summary).optional();
    }

    @Override
    public List<UserSummary> withRole(Role role) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND :role = ANY(roles) ORDER BY username")
                .param("role", role.name()).query(AppUserDirectory::summary).list();
    }

    @Override
    public List<UserSummary> ofNation(NationCode nation) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE enabled AND nation = :nation ORDER BY username")
                .param("nation", nation.value()).query(AppUserDirectory::summary).list();
    }

    @Override
    public List<UserSummary> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user ORDER BY username").query(AppUserDirectory::summary).list();
    }

    private static UserSummary summary(ResultSet rs, int row) throws SQLException {
        return new UserSummary(rs.getString("username"), rs.getString("display_name"),
                NationCode.of(rs.getString("nation")), Classification.ofRank(rs.getInt("clearance")),
                Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf)
                        .collect(Collectors.toSet()),
                rs.getBoolean("enabled"), rs.getString("email"));
    }
}
