package org.kalkan.security.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.LabelAccessDeniedException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/** Audits every refused request, then answers a problem (API) or the error page (browser). */
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final AuditTrail audit;
    private final boolean api;
    private final AccessDeniedHandler page = new AccessDeniedHandlerImpl();

    AuditingAccessDeniedHandler(AuditTrail audit, boolean api) {
        this.audit = audit;
        this.api = api;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof LabelAccessDeniedException)) {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            String actor = authentication == null ? "anonymous" : authentication.getName();
            audit.recordDenial(actor, request.getMethod(), request.getRequestURI(), "not permitted for role");
        }
        if (api) {
            ProblemWriter.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    denied instanceof LabelAccessDeniedException ? denied.getMessage()
                            : "You are not permitted to do this.");
        } else {
            page.handle(request, response, denied);
        }
    }
}
