package org.kalkan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A full node on a random port with the demo accounts, against a real embedded PostgreSQL in a fresh
 * directory per test run, with a movable {@link TestClock}. Every test class with this annotation shares one
 * application context: do not add per-class configuration or mock beans, which would start another node.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kalkan.platform.data-dir=target/test-data/${random.uuid}",
                // The embedded server's binaries are extracted once for every test run, not into each data directory.
                "kalkan.platform.db.embedded-binaries=target/embedded-pg",
                // Alerts are e-mailed to a GreenMail SMTP server that mail tests start on this port.
                "kalkan.notification.mail.enabled=true", "spring.mail.host=localhost", "spring.mail.port=3025",
                // CoT server on free ports, with the plain-TCP laboratory port open as tur.officer
                "kalkan.cot.tls-port=0", "kalkan.cot.tcp-port=0", "kalkan.cot.tcp-user=tur.officer",
                "kalkan.cot.bind-address=127.0.0.1",
                // Decisions bind the members: at least a day of silence by default. Tests move the clock, but some
                // wait for real deadlines, so the minimum here is short (and still enforced: see CouncilSeamTests).
                "kalkan.council.min-silence=PT15S", "kalkan.council.min-urgent-silence=PT5S"})
@ActiveProfiles("demo")
@Import(TestClockConfiguration.class)
public @interface KalkanTest {
}
