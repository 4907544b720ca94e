package org.kalkan.security.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.LabelAccessDeniedException;
import org.kalkan.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * Audits every refused request, then answers a problem (API) or the error page (browser). A read refused by the
 * label policy is answered exactly like a record that does not exist (404, naming nothing): unreadable and absent
 * must be indistinguishable. A refusal for the role is a 403, which says nothing about any record.
 */
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
        if (denied instanceof LabelAccessDeniedException label) {
            // Already audited by the access policy, with the record it refused. Worded as NotFoundException.noVisible.
            if (api) {
                NotFoundException absent = NotFoundException.noVisible(label.kind());
                ProblemWriter.write(response, HttpServletResponse.SC_NOT_FOUND, absent.title(), absent.detail());
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = authentication == null ? "anonymous" : authentication.getName();
        audit.recordDenial(actor, request.getMethod(), request.getRequestURI(), "not permitted for role");
        if (api) {
            ProblemWriter.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "You are not permitted to do this.");
        } else {
            page.handle(request, response, denied);
        }
    }
}
