package org.kalkan.interop.cot;

import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kalkan.members.NationDirectory;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.FormErrors;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.DomainException;
import org.kalkan.security.Role;
import org.kalkan.shared.Classification;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page on which users set the label of the CoT their TAK devices send without one; administrators, anyone's. */
@Controller
class DefaultLabelPage {

    static final String PATH = "/cot/default-label";

    private final DefaultLabels labels;
    private final NationDirectory nations;
    private final CurrentSubject subject;
    private final FormErrors errors;

    DefaultLabelPage(DefaultLabels labels, NationDirectory nations, CurrentSubject subject, FormErrors errors) {
        this.errors = errors;
        this.labels = labels;
        this.nations = nations;
        this.subject = subject;
    }

    @GetMapping(PATH)
    String show(@RequestParam(name = "user", required = false) @Nullable String user, Model model) {
        var caller = subject.get();
        String username = user == null || user.isBlank() ? caller.username() : user.trim();
        SecurityLabel label = labels.get(caller, username);
        model.addAttribute("username", username);
        model.addAttribute("label", label);
        model.addAttribute("admin", caller.has(Role.ADMIN));
        model.addAttribute("classifications", List.of(Classification.values()));
        model.addAttribute("entries", new TreeSet<>(nations.releasabilityEntries()));
        return "cot-default-label";
    }

    @PostMapping(PATH)
    String set(@RequestParam String username, @RequestParam(required = false) @Nullable String classification,
            @RequestParam(name = "releasableTo", required = false) @Nullable List<String> releasableTo,
            RedirectAttributes redirect) {
        try {
            SecurityLabel label = labels.set(subject.get(), username, classification, releasableTo);
            redirect.addFlashAttribute("saved", label.marking());
        } catch (IllegalArgumentException | DomainException e) {
            // refused: bad label, not permitted, unknown user, label above clearance
            redirect.addFlashAttribute("refused", errors.message(e));
        }
        redirect.addAttribute("user", username);
        return "redirect:" + PATH;
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry cotLabelNavigation() {
            // Users with TAK devices (and administrators, for anyone's); not the accounts of CERTs and alerting systems.
            return NavigationEntry.forAny("nav.cot.label", PATH, 910, Role.authoritiesExcept(Role.CERT,
                    Role.CAP_SOURCE));
        }
    }
}
