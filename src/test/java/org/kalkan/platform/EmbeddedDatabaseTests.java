package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@KalkanTest
class EmbeddedDatabaseTests {

    @Autowired JdbcClient jdbc;

    @Test
    void theEmbeddedServerIsDurablePostgres17() {
        // zonky starts PostgreSQL with fsync and synchronous commit off; a crash would lose committed records.
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("server_version_num")).startsWith("17");
    }

    @Test
    void membersObserversAndCommunitiesAreData() {
        assertThat(jdbc.sql("SELECT code FROM nation WHERE status = 'MEMBER' ORDER BY code").query(String.class)
                .list()).containsExactly("AZE", "KAZ", "KGZ", "TUR", "UZB");
        assertThat(jdbc.sql("SELECT code FROM nation WHERE status = 'OBSERVER' ORDER BY code").query(String.class)
                .list()).containsExactly("HUN", "TKM");
        assertThat(jdbc.sql("SELECT name FROM community ORDER BY name").query(String.class).list())
                .containsExactly("ALL", "MEMBERS");
    }

    private String setting(String name) {
        return jdbc.sql("SELECT current_setting(:name)").param("name", name).query(String.class).single();
    }
}
