package org.kalkan.interop.cot;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;

/**
 * Re-checks live connections (every {@code kalkan.cot.access-check}, run by {@code internal.CotAccessPoller}): a
 * revoked certificate or a disabled account closes its connections (audited); a changed clearance, nation or default
 * label applies at once.
 */
@Component
class CotAccessWatch implements LiveConnectionCheck {

    private final CotHub hub;
    private final CotCertificates certificates;
    private final UserDirectory users;
    private final CotUserLabels labels;
    private final AuditTrail audit;

    CotAccessWatch(CotHub hub, CotCertificates certificates, UserDirectory users, CotUserLabels labels,
            AuditTrail audit) {
        this.hub = hub;
        this.certificates = certificates;
        this.users = users;
        this.labels = labels;
        this.audit = audit;
    }

    @Override
    public void check() {
        hub.pruneStale();
        var sessions = hub.sessions();
        if (sessions.isEmpty()) {
            return; // nothing to check, and no database round trip (it may be shutting down)
        }
        Set<String> revoked = certificates.notValid(sessions.stream().map(CotSession::serial)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<String, Optional<UserSummary>> accounts = new HashMap<>();
        Map<String, SecurityLabel> defaults = new HashMap<>(); // one query per user, not per connection
        for (CotSession session : sessions) {
            String username = session.subject().username();
            var account = accounts.computeIfAbsent(username, users::find);
            if (session.serial() != null && revoked.contains(session.serial())) {
                close(session, "certificate " + session.serial() + " revoked");
            } else if (account.isEmpty() || !account.get().enabled()) {
                close(session, "account " + username + " disabled");
            } else {
                session.subject(account.get().subject());
                session.defaultLabel(defaults.computeIfAbsent(username, labels::defaultLabel));
            }
        }
    }

    private void close(CotSession session, String why) {
        session.close();
        hub.disconnect(session);
        audit.recordDenial(session.subject().username(), "COT_CONNECTION", "cot:" + session.channel().remoteAddress(),
                "closed: " + why);
    }
}
