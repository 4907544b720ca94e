package org.kalkan.security.web;

import java.util.List;
import org.kalkan.security.AuditEntry;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.AuditVerification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for administrators (the API chain allows only ADMIN here). */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApi {

    private final AuditTrail audit;

    AuditApi(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/verify")
    AuditVerification verify() {
        return audit.verify();
    }

    @GetMapping("/entries")
    List<AuditEntry> latest(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return audit.latest(limit);
    }
}
