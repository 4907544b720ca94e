package org.kalkan.notification.web;

import org.kalkan.notification.Alerts;
import org.kalkan.platform.NavigationBadge;
import org.kalkan.security.CurrentSubject;
import org.springframework.stereotype.Component;

/** The number of alerts the user still has to acknowledge, beside "Alerts" in every page's navigation. */
@Component
class UnacknowledgedBadge implements NavigationBadge {

    private final Alerts alerts;
    private final CurrentSubject subject;

    UnacknowledgedBadge(Alerts alerts, CurrentSubject subject) {
        this.alerts = alerts;
        this.subject = subject;
    }

    @Override
    public String path() {
        return "/alerts";
    }

    @Override
    public int count() {
        return alerts.pendingCount(subject.get());
    }

    @Override
    public String stream() {
        return "/alerts/stream";
    }

    @Override
    public String event() {
        return AlertStream.EVENT;
    }
}
