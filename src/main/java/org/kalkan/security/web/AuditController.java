package org.kalkan.security.web;

import org.kalkan.security.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit trail page for administrators: latest entries and the chain's verification. */
@Controller
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("verification", audit.verify());
        model.addAttribute("entries", audit.latest(200));
        return "audit";
    }
}
