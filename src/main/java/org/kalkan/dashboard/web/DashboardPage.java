package org.kalkan.dashboard.web;

import java.util.Locale;
import org.kalkan.dashboard.web.Panels.Panel;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Subject;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The home page of the signed-in user: the panels their role acts on first (unacknowledged alerts, new and escalated
 * incidents, their tasks and RFIs, silence procedures running, the exercise clock), each refreshed when the stream
 * says it changed.
 */
@Controller
class DashboardPage {

    private final Panels panels;
    private final DashboardStream stream;
    private final CurrentSubject current;

    DashboardPage(Panels panels, DashboardStream stream, CurrentSubject current) {
        this.panels = panels;
        this.stream = stream;
        this.current = current;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Subject subject = current.get();
        var order = panels.forRole(subject);
        model.addAttribute("panels", order.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
        order.forEach(p -> model.addAllAttributes(panels.model(p, subject)));
        return "dashboard/home";
    }

    /** One panel, fetched again by the page when the stream names it. */
    @GetMapping("/dashboard/panels/{name}")
    String panel(@PathVariable String name, Model model) {
        Panel panel;
        try {
            panel = Panel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new org.kalkan.shared.NotFoundException("There is no such panel.");
        }
        model.addAllAttributes(panels.model(panel, current.get()));
        model.addAttribute("fragmentOnly", true);
        return "dashboard/panels :: " + name.toLowerCase(Locale.ROOT);
    }

    @GetMapping(path = "/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return stream.subscribe(current.get());
    }
}
