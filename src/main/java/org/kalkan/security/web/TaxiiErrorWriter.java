package org.kalkan.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kalkan.security.AuditTrail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The TAXII 2.1 error resource ({@code title}, {@code description}, {@code http_status}) for the refusals the
 * security chain answers on {@code /taxii2/}: no or bad credentials (401, with the Basic challenge) and roles (403).
 */
final class TaxiiErrorWriter {

    static final String MEDIA_TYPE = "application/taxii+json;version=2.1";
    static final String REALM = "Kalkan TAXII";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TaxiiErrorWriter() {
    }

    static void unauthorized(HttpServletResponse response, String description) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", description);
    }

    static void write(HttpServletResponse response, int status, String title, String description) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("title", title);
        error.put("description", description);
        error.put("http_status", Integer.toString(status));
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.getOutputStream().write(JSON.writeValueAsBytes(error));
    }

    /** No credentials, or wrong ones (the authenticator has audited the failed login already). */
    static final class EntryPoint implements AuthenticationEntryPoint {

        private final AuditTrail audit;

        EntryPoint(AuditTrail audit) {
            this.audit = audit;
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            if (request.getHeader("Authorization") == null) {
                audit.recordDenial("anonymous", request.getMethod(), request.getRequestURI(), "no credentials");
            }
            unauthorized(response, "Authenticate with HTTP Basic (a CERT account) or 'Authorization: Bearer <token>'"
                    + " from POST /api/v1/auth/tokens.");
        }
    }

    static final class Denied implements AccessDeniedHandler {

        private final AuditTrail audit;

        Denied(AuditTrail audit) {
            this.audit = audit;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                throws IOException {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            audit.recordDenial(authentication == null ? "anonymous" : authentication.getName(), request.getMethod(),
                    request.getRequestURI(), "refused on the TAXII chain");
            write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "You are not permitted to do this.");
        }
    }
}
