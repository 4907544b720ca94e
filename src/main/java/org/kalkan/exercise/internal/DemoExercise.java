package org.kalkan.exercise.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.kalkan.exercise.ExercisePlan;
import org.kalkan.exercise.Exercises;
import org.kalkan.exercise.Msel;
import org.kalkan.platform.StartupSeeding;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data, once, when no exercise exists (after the demo accounts): STEPPE SHIELD, planned by exercise.director
 * for KGZ and UZB with kaz.officer evaluating, and the first six injects of {@code exercise/demo-msel.csv}.
 */
@Component
@Profile("demo")
class DemoExercise implements ApplicationRunner {

    static final String DEMO_MSEL = "exercise/demo-msel.csv";

    private final JdbcClient jdbc;
    private final Exercises exercises;
    private final Msel msel;
    private final UserDirectory users;
    private final Clock clock;
    private final StartupSeeding seeding;

    DemoExercise(JdbcClient jdbc, Exercises exercises, Msel msel, UserDirectory users, Clock clock,
            StartupSeeding seeding) {
        this.seeding = seeding;
        this.jdbc = jdbc;
        this.exercises = exercises;
        this.msel = msel;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        seeding.exclusively("DemoExercise");
        if (jdbc.sql("SELECT count(*) FROM exercise").query(Long.class).single() > 0) {
            return;
        }
        Subject director = users.find("exercise.director").map(UserSummary::subject).orElse(null);
        if (director == null) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var exercise = exercises.plan(director, new ExercisePlan("STEPPE SHIELD 2026", today.plusDays(7),
                today.plusDays(9), List.of("KGZ", "UZB"), List.of(), List.of("kaz.officer"),
                List.of("Report handling", "Alerting", "Information sharing", "Crisis response"),
                List.of("STARTEX", "Border incident", "Crisis response", "ENDEX"), List.of(),
                SecurityLabel.of(Classification.RESTRICTED, "MEMBERS")));
        String csv;
        try (InputStream in = new ClassPathResource(DEMO_MSEL).getInputStream()) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String firstSix = String.join("\n", csv.lines().limit(7).toList()) + "\n";
        InjectCsv.Parsed parsed = InjectCsv.parse(firstSix);
        msel.importAll(director, exercise.id(), parsed.rows(), parsed.errors());
    }
}
