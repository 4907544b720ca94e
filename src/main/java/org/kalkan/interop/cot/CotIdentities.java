package org.kalkan.interop.cot;

import io.netty.channel.Channel;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.springframework.stereotype.Component;

/**
 * Who a connection is: the Kalkan user of its client certificate (valid, not revoked, subject CN = the user it
 * was issued to, account enabled), or the configured laboratory user on the plain-TCP port. Refusals are audited.
 */
@Component
class CotIdentities {

    private final CotCertificates certificates;
    private final UserDirectory users;
    private final CotUserLabels labels;
    private final CotProperties properties;
    private final AuditTrail audit;
    private final CotHub hub;

    CotIdentities(CotCertificates certificates, UserDirectory users, CotUserLabels labels, CotProperties properties,
            AuditTrail audit, CotHub hub) {
        this.certificates = certificates;
        this.users = users;
        this.labels = labels;
        this.properties = properties;
        this.audit = audit;
        this.hub = hub;
    }

    @Nullable CotSession ofCertificate(Channel channel, X509Certificate certificate) {
        String serial = certificate.getSerialNumber().toString(16);
        var issued = certificates.find(serial);
        if (issued.isEmpty() || issued.get().revoked()) {
            return refuse(channel, "certificate " + serial, issued.isEmpty() ? "unknown certificate" : "revoked");
        }
        String username = issued.get().username();
        if (!username.equals(commonName(certificate))) {
            return refuse(channel, "certificate " + serial, "subject does not name " + username);
        }
        return session(channel, username, serial);
    }

    @Nullable CotSession laboratory(Channel channel) {
        if (properties.tcpUser().isBlank()) {
            return refuse(channel, "tcp", "no kalkan.cot.tcp-user configured");
        }
        return session(channel, properties.tcpUser(), null);
    }

    private @Nullable CotSession session(Channel channel, String username, @Nullable String serial) {
        Optional<UserSummary> user = users.find(username);
        if (user.isEmpty() || !user.get().enabled()) {
            return refuse(channel, username, "account disabled or unknown");
        }
        return new CotSession(channel, user.get().subject(), serial, labels.defaultLabel(username),
                properties.queueSize(), hub::dropped);
    }

    private @Nullable CotSession refuse(Channel channel, String target, String why) {
        hub.dropped("connection-refused");
        audit.recordDenial("cot:" + channel.remoteAddress(), "COT_CONNECT", target, why);
        return null;
    }

    private static @Nullable String commonName(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN")).map(rdn -> rdn.getValue().toString())
                    .findFirst().orElse(null);
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
