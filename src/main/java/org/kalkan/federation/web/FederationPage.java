package org.kalkan.federation.web;

import org.kalkan.federation.Federation;
import org.kalkan.federation.QuarantinedEntry;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.CurrentSubject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrators' federation page: this node's identity (its fingerprint to compare with a peer's
 * administrators), each peer's link — last contact, entries and seconds behind, quarantined entries, bytes and
 * entries each way, last error — the peers' audit checkpoints this node witnesses, and the latest quarantined
 * entries, each with its marking.
 */
@Controller
class FederationPage {

    private final Federation federation;
    private final CurrentSubject subject;
    private final PageMarking marking;

    FederationPage(Federation federation, CurrentSubject subject, PageMarking marking) {
        this.federation = federation;
        this.subject = subject;
        this.marking = marking;
    }

    @GetMapping("/admin/federation")
    String page(Model model) {
        var caller = subject.get();
        model.addAttribute("node", federation.node(caller));
        model.addAttribute("peers", federation.peers(caller));
        var quarantine = federation.quarantine(caller, 50);
        quarantine.stream().map(QuarantinedEntry::label).filter(java.util.Objects::nonNull).forEach(marking::show);
        model.addAttribute("quarantine", quarantine);
        model.addAttribute("witnessed", federation.witnessedAudits(caller));
        return "federation";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry federationNavigation() {
            return new NavigationEntry("nav.federation", "/admin/federation", 970, "ROLE_ADMIN");
        }
    }
}
