package org.kalkan.interop.cot;

import org.kalkan.platform.NavigationEntry;
import org.kalkan.security.CurrentSubject;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The administrators' list of TAK client certificates, with revocation. */
@Controller
class CertificatesController {

    private final Enrolments enrolments;
    private final CurrentSubject subject;

    CertificatesController(Enrolments enrolments, CurrentSubject subject) {
        this.enrolments = enrolments;
        this.subject = subject;
    }

    @GetMapping("/admin/certificates")
    String list(Model model) {
        model.addAttribute("certificates", enrolments.all());
        return "cot-certificates";
    }

    @PostMapping("/admin/certificates/{serial}/revocation")
    String revoke(@PathVariable String serial) {
        enrolments.revoke(subject.get(), serial);
        return "redirect:/admin/certificates";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry certificatesNavigation() {
            return new NavigationEntry("nav.cot.certificates", "/admin/certificates", 960, "ROLE_ADMIN");
        }
    }
}
