package org.kalkan.notification.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.InboxItem;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Subject;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.ForbiddenException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The alert inbox: a page, the fragment it refreshes live, the event stream that tells it when, acknowledgement. */
@Controller
class InboxController {

    private static final int INBOX_SIZE = 50;

    private final Alerts alerts;
    private final CurrentSubject currentSubject;
    private final PageMarking marking;
    private final AlertStream stream;
    private final Clock clock;

    InboxController(Alerts alerts, CurrentSubject currentSubject, PageMarking marking, AlertStream stream,
            Clock clock) {
        this.alerts = alerts;
        this.currentSubject = currentSubject;
        this.marking = marking;
        this.stream = stream;
        this.clock = clock;
    }

    /** One inbox line as the page shows it. */
    record Row(InboxItem item, PageTime sent, PageTime deadline, @Nullable PageTime acknowledged,
            boolean acknowledgeable) {
    }

    @GetMapping("/alerts")
    String inbox(Model model) {
        fill(model);
        model.addAttribute("maySend", Alerts.SENDERS.stream().anyMatch(currentSubject.get()::has));
        return "notification/inbox";
    }

    @GetMapping("/alerts/inbox")
    String fragment(Model model) {
        fill(model);
        return "notification/inbox :: list";
    }

    @GetMapping(path = "/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return stream.subscribe(currentSubject.get());
    }

    @PostMapping("/alerts/{id}/ack")
    String acknowledge(@PathVariable String id, RedirectAttributes redirect) {
        try {
            alerts.acknowledge(currentSubject.get(), AlertId.parse(id));
            redirect.addFlashAttribute("message", "alerts.ack.done");
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", !e.messageKey().isEmpty() ? e.messageKey()
                    : e instanceof ForbiddenException ? "alerts.ack.NOT_PERMITTED" : "alerts.ack.NOT_FOUND");
        } catch (IllegalArgumentException notAnId) {
            redirect.addFlashAttribute("error", "alerts.ack.NOT_FOUND");
        }
        return "redirect:/alerts";
    }

    private void fill(Model model) {
        Subject subject = currentSubject.get();
        Instant now = clock.instant();
        List<Row> rows = alerts.inbox(subject, INBOX_SIZE).stream().map(item -> row(item, now)).toList();
        rows.forEach(row -> marking.show(row.item().label()));
        model.addAttribute("rows", rows);
        model.addAttribute("unacknowledged", alerts.pendingCount(subject));
        // For the live refresh: the page's banner follows the highest marking in the fetched inbox.
        model.addAttribute("markingBanner", marking.banner());
        model.addAttribute("markingClass", marking.cssClass());
    }

    private static Row row(InboxItem item, Instant now) {
        return new Row(item, PageTime.of(item.sentAt()), PageTime.of(item.ackDeadline()),
                PageTime.ofNullable(item.acknowledgedAt()), item.acknowledgeable(now));
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry alertsNavigation() {
            return new NavigationEntry("nav.alerts", "/alerts", 350, null);
        }
    }
}
