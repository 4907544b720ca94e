package org.kalkan.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.kalkan.platform.PlatformProperties;
import org.kalkan.platform.PrivateFiles;
import org.kalkan.platform.StartupSeeding;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.DemoAccounts;
import org.kalkan.security.Role;
import org.kalkan.security.SecurityProperties;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts a node starts with. Without the demo profile: one {@code admin}, with the password from
 * {@code KALKAN_BOOTSTRAP_ADMIN_PASSWORD}, or else a random one written once to
 * {@code <data-dir>/initial-admin-password} (readable by the node's user only; the log says where, never what).
 * With it: the documented demo accounts.
 */
// First of the start-up runners: other modules' demo data addresses these users (e.g. the Council's alerts).
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final Environment environment;
    private final PlatformProperties platform;
    private final Clock clock;
    private final StartupSeeding seeding;

    InitialAccounts(UserAccounts accounts, PasswordEncoder passwords, AuditTrail audit, SecurityProperties properties,
            Environment environment, PlatformProperties platform, Clock clock, StartupSeeding seeding) {
        this.seeding = seeding;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.properties = properties;
        this.environment = environment;
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seeding.exclusively("InitialAccounts");
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            createDemoAccounts();
        } else if (!accounts.exists("admin")) {
            String password = properties.bootstrapAdminPassword();
            if (password.isBlank()) {
                password = PrivateFiles.randomSecret(18);
                Path file = platform.dataDir().resolve("initial-admin-password").toAbsolutePath().normalize();
                try {
                    PrivateFiles.write(file, password);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the first administrator's password to " + file, e);
                }
                log.warn("Created account 'admin'; its generated password is in {}, readable by this node's user "
                        + "only. Keep it somewhere safe and delete the file (or set KALKAN_BOOTSTRAP_ADMIN_PASSWORD "
                        + "before the first start).", file);
            }
            create("admin", "Node administrator", "TUR", Classification.SECRET, EnumSet.of(Role.ADMIN), password);
        }
    }

    private void createDemoAccounts() {
        for (DemoAccounts.Account demo : DemoAccounts.all()) {
            create(demo.username(), demo.displayName(), demo.nation(), demo.clearance(), demo.roles(),
                    DemoAccounts.PASSWORD);
        }
    }

    private void create(String username, String displayName, String nation, Classification clearance, Set<Role> roles,
            String password) {
        if (accounts.exists(username)) {
            return;
        }
        accounts.create(username, displayName, NationCode.of(nation), clearance, roles, passwords.encode(password),
                null, clock.instant());
        accounts.setEmail(username, username + "@kalkan.example");
        audit.record("system", "USER_CREATED", "user:" + username,
                "nation " + nation + ", clearance " + clearance + ", roles " + roles);
    }
}
