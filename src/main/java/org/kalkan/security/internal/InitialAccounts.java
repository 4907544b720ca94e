package org.kalkan.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.kalkan.platform.PlatformProperties;
import org.kalkan.platform.PrivateFiles;
import org.kalkan.security.AuditTrail;
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

    static final String DEMO_PASSWORD = "kalkan-demo";
    private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);
    private static final Set<String> MEMBER_STATES = Set.of("AZE", "KAZ", "KGZ", "TUR", "UZB");

    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final SecurityProperties properties;
    private final Environment environment;
    private final PlatformProperties platform;
    private final Clock clock;

    InitialAccounts(UserAccounts accounts, PasswordEncoder passwords, AuditTrail audit, SecurityProperties properties,
            Environment environment, PlatformProperties platform, Clock clock) {
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
        for (String nation : MEMBER_STATES) {
            String lower = nation.toLowerCase(java.util.Locale.ROOT);
            // Each nation's officer is also its training manager (issue 17's demo).
            create(lower + ".officer", nation + " reporting officer", nation, Classification.SECRET,
                    EnumSet.of(Role.REPORTING_OFFICER, Role.TRAINING_MANAGER), DEMO_PASSWORD);
            create(lower + ".delegate", nation + " Council delegate", nation, Classification.SECRET,
                    EnumSet.of(Role.COUNCIL_DELEGATE), DEMO_PASSWORD);
        }
        create("hun.observer", "HUN observer", "HUN", Classification.CONFIDENTIAL, EnumSet.of(Role.OBSERVER),
                DEMO_PASSWORD);
        create("cmc.watch", "CMC watch officer", "TUR", Classification.SECRET, EnumSet.of(Role.WATCH_OFFICER),
                DEMO_PASSWORD);
        create("cmc.director", "CMC director", "AZE", Classification.SECRET,
                EnumSet.of(Role.CRISIS_MANAGER, Role.WATCH_OFFICER), DEMO_PASSWORD);
        create("council.chair", "Council chair", "KAZ", Classification.SECRET, EnumSet.of(Role.COUNCIL_CHAIR),
                DEMO_PASSWORD);
        create("force.planner", "Joint force planner", "UZB", Classification.SECRET,
                EnumSet.of(Role.FORCE_PLANNER), DEMO_PASSWORD);
        create("exercise.director", "Exercise director", "KGZ", Classification.SECRET,
                EnumSet.of(Role.EXERCISE_DIRECTOR), DEMO_PASSWORD);
        create("training.coordinator", "Training coordinator", "TUR", Classification.SECRET,
                EnumSet.of(Role.TRAINING_COORDINATOR), DEMO_PASSWORD);
        create("programme.manager", "Programme manager", "TUR", Classification.SECRET,
                EnumSet.of(Role.PROGRAMME_MANAGER), DEMO_PASSWORD);
        for (String nation : Set.of("AZE", "TUR", "KAZ")) {
            create(nation.toLowerCase(java.util.Locale.ROOT) + ".cert", nation + " national CERT", nation,
                    Classification.SECRET, EnumSet.of(Role.CERT), DEMO_PASSWORD);
        }
        create("aze.cap", "AZE civil protection (CAP)", "AZE", Classification.RESTRICTED,
                EnumSet.of(Role.CAP_SOURCE), DEMO_PASSWORD);
        create("admin", "Node administrator", "TUR", Classification.SECRET, EnumSet.of(Role.ADMIN), DEMO_PASSWORD);
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
