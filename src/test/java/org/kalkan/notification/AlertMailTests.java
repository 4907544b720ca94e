package org.kalkan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.kalkan.notification.AlertFixtures.PASSWORD;
import static org.kalkan.notification.AlertFixtures.alert;
import static org.kalkan.notification.AlertFixtures.raise;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Alerts by e-mail, through a real SMTP server (GreenMail) on the port {@link KalkanTest} configures. Content
 * goes out only up to the configured classification (RESTRICTED); above it recipients get a notice to sign in.
 */
@KalkanTest
class AlertMailTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @LocalServerPort int port;
    @Autowired MeterRegistry meters;
    private ApiClient api;
    private String watch;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        watch = api.token("cmc.watch", PASSWORD);
    }

    @Test
    void aRestrictedAlertIsMailedToEachRecipientWithTheMarkingInTheSubjectAndFirstLine() throws Exception {
        String text = "Drone sighted over the BTC pipeline, " + System.nanoTime();
        String id = raise(api, watch, alert(text, Map.of("users", List.of("uzb.officer", "kgz.officer")), "FLASH",
                "RESTRICTED", "MEMBERS"));

        List<MimeMessage> mails = awaitMails(2, m -> body(m).contains(text));
        assertThat(mails).extracting(AlertMailTests::to)
                .containsExactlyInAnyOrder("uzb.officer@kalkan.example", "kgz.officer@kalkan.example");
        for (MimeMessage mail : mails) {
            assertThat(mail.getSubject()).isEqualTo("[RESTRICTED // REL TO MEMBERS] FLASH alert from cmc.watch");
            assertThat(body(mail).lines().findFirst()).hasValue("RESTRICTED // REL TO MEMBERS");
            // The alert is named by its sender, time and text, never by a raw id (issue 16).
            assertThat(body(mail)).doesNotContain(id).containsPattern("Acknowledge in Kalkan by \\d{6}Z[A-Z]{3}\\d{2}");
        }
    }

    @Test
    void aSecretAlertIsNeverMailedOnlyANoticeToSignIn() throws Exception {
        String text = "Secret troop movement near the Caspian, " + System.nanoTime();
        raise(api, watch, alert(text, Map.of("users", List.of("tur.delegate")), "IMMEDIATE", "SECRET", "TUR"));

        List<MimeMessage> notices = awaitMails(1, m -> to(m).equals("tur.delegate@kalkan.example")
                && subject(m).contains("New IMMEDIATE alert in Kalkan"));
        assertThat(subject(notices.get(0))).isEqualTo("[UNCLASSIFIED] New IMMEDIATE alert in Kalkan");
        assertThat(body(notices.get(0)).lines().findFirst()).hasValue("UNCLASSIFIED");
        assertThat(body(notices.get(0))).contains("sign in to read it");
        assertThat(Arrays.stream(SMTP.getReceivedMessages())).noneMatch(m -> body(m).contains(text));
    }

    @Test
    void anUnreachableMailServerIsCountedAndTheAlertStands() {
        SMTP.stop();
        double failedBefore = meters.counter("kalkan.notification.mail.failed").count();

        String id = raise(api, watch, alert("While the mail server is down", Map.of("users", List.of("aze.officer")),
                "ROUTINE", "UNCLASSIFIED", "MEMBERS"));

        await("the failed delivery is counted").atMost(Duration.ofSeconds(15))
                .until(() -> meters.counter("kalkan.notification.mail.failed").count() > failedBefore);
        assertThat(api.get("/api/v1/alerts/" + id, watch).status()).isEqualTo(200);
    }

    private static List<MimeMessage> awaitMails(int count, java.util.function.Predicate<MimeMessage> which) {
        await(count + " mails arrive").atMost(Duration.ofSeconds(15))
                .until(() -> Arrays.stream(SMTP.getReceivedMessages()).filter(which).count() >= count);
        return Arrays.stream(SMTP.getReceivedMessages()).filter(which).toList();
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message).replace("\r\n", "\n");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
