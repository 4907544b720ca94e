package org.kalkan.interop.cap.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.cap.CapMessageId;
import org.kalkan.interop.cap.CapMessages;
import org.kalkan.interop.cap.IncomingMessage;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Incoming CAP messages: every message sources posted, accepted or refused (with each violation), its signature
 * status and what it did, each with its areas on a mini map; a page per message with the message as received.
 */
@Controller
class CapPages {

    static final String PATH = "/cap-messages";
    private static final int PAGE = 20;

    private final CapMessages messages;
    private final CurrentSubject subject;
    private final PageMarking marking;

    CapPages(CapMessages messages, CurrentSubject subject, PageMarking marking) {
        this.messages = messages;
        this.subject = subject;
        this.marking = marking;
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) @Nullable String before, Model model) {
        Instant cursor = null;
        if (before != null && !before.isBlank()) {
            try {
                cursor = Instant.parse(before);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("before is an ISO 8601 instant");
            }
        }
        List<IncomingMessage> page = messages.latest(subject.get(), cursor, PAGE);
        page.forEach(m -> marking.show(m.label()));
        model.addAttribute("messages", page);
        model.addAttribute("next", page.size() == PAGE ? page.get(PAGE - 1).receivedAt().toString() : null);
        return "cap/messages";
    }

    @GetMapping(PATH + "/{id}")
    String message(@PathVariable String id, Model model) {
        IncomingMessage message = messages.find(subject.get(), CapMessageId.parse(id));
        marking.show(message.label());
        model.addAttribute("message", message);
        return "cap/message";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry capWatchNavigation() {
            return new NavigationEntry("nav.cap", PATH, 260, Role.WATCH_OFFICER.authority());
        }

        @Bean
        NavigationEntry capOfficerNavigation() {
            return new NavigationEntry("nav.cap", PATH, 260, Role.REPORTING_OFFICER.authority());
        }

        @Bean
        NavigationEntry capSourceNavigation() {
            return new NavigationEntry("nav.cap", PATH, 260, Role.CAP_SOURCE.authority());
        }

        @Bean
        NavigationEntry capAdminNavigation() {
            return new NavigationEntry("nav.cap", PATH, 260, Role.ADMIN.authority());
        }
    }
}
