package org.kalkan.notification.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.TreeSet;
import org.kalkan.notification.AlertRaised;
import org.kalkan.notification.AlertView;
import org.kalkan.notification.NotificationProperties;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.Classification;
import org.kalkan.shared.Dtg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Optional e-mail delivery, after the alert's transaction has committed (through the event publication
 * registry). One mail per recipient with an address; the marking leads the subject and the body. Content above
 * {@code kalkan.notification.mail.max-classification} never leaves by mail: those recipients get an
 * UNCLASSIFIED notice to sign in. A failed delivery is logged and counted; the alert stands.
 */
@Component
class AlertMailer {

    private static final Logger log = LoggerFactory.getLogger(AlertMailer.class);

    private final NotificationProperties properties;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final UserDirectory users;
    private final AlertStore store;
    private final Counter sent;
    private final Counter failed;

    AlertMailer(NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender, UserDirectory users,
            AlertStore store, MeterRegistry meters) {
        this.properties = properties;
        this.mailSender = mailSender;
        this.users = users;
        this.store = store;
        this.sent = Counter.builder("kalkan.notification.mail.sent").description("alert e-mails handed to SMTP")
                .register(meters);
        this.failed = Counter.builder("kalkan.notification.mail.failed")
                .description("alert e-mails that SMTP refused or could not take").register(meters);
    }

    @ApplicationModuleListener
    void on(AlertRaised event) {
        if (!properties.mail().enabled()) {
            return;
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            log.warn("kalkan.notification.mail.enabled is true but no SMTP server is configured (spring.mail.host)");
            return;
        }
        AlertView alert = store.find(event.alertId()).orElseThrow();
        for (String username : new TreeSet<>(event.recipients())) {
            var address = users.find(username).map(UserSummary::email).orElse(null);
            AlertView.Recipient recipient = store.recipient(alert.id(), username).orElse(null);
            if (address == null || recipient == null) {
                continue;
            }
            SimpleMailMessage message = mayCarryContent(alert) ? content(alert, recipient.ackDeadline())
                    : notice(alert, recipient.ackDeadline());
            message.setFrom(properties.mail().from());
            message.setTo(address);
            try {
                sender.send(message);
                sent.increment();
            } catch (MailException e) {
                failed.increment();
                log.warn("Could not e-mail alert {} to {}: {}", alert.id(), username, e.getMessage());
            }
        }
    }

    private boolean mayCarryContent(AlertView alert) {
        return properties.mail().maxClassification().dominates(alert.label().classification());
    }

    private static SimpleMailMessage content(AlertView alert, Instant deadline) {
        String marking = alert.label().marking();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setSubject("[" + marking + "] " + exercise(alert) + alert.precedence() + " alert from "
                + alert.sender());
        message.setText(marking + "\n" + exercise(alert) + alert.precedence() + " alert from "
                + alert.sender() + ", sent " + times(alert.sentAt()) + "\n"
                + "Acknowledge in Kalkan by " + times(deadline) + ".\n\n"
                + alert.text() + "\n\n" + marking + "\n");
        return message;
    }

    private static SimpleMailMessage notice(AlertView alert, Instant deadline) {
        String marking = Classification.UNCLASSIFIED.name();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setSubject("[" + marking + "] " + exercise(alert) + "New " + alert.precedence() + " alert in Kalkan");
        message.setText(marking + "\n" + "You have a new " + exercise(alert) + alert.precedence() + " alert in Kalkan. "
                + "Its classification does not allow e-mail: sign in to read it, and acknowledge it by "
                + times(deadline) + ".\n\n" + marking + "\n");
        return message;
    }

    private static String exercise(AlertView alert) {
        return alert.exerciseId() == null ? "" : "EXERCISE ";
    }

    private static String times(Instant instant) {
        return Dtg.of(instant) + " (" + instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ")";
    }
}
