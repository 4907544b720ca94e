package org.kalkan.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kalkan.security.AuditTrail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls that carry {@code Authorization: Bearer <token>}; a bad token is a 401, audited. */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final AuditTrail audit;

    BearerTokenFilter(ApiTokens tokens, AuditTrail audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        ApiTokens.Resolution resolution = tokens.resolve(header.substring(PREFIX.length()).trim());
        if (resolution instanceof ApiTokens.Invalid invalid) {
            audit.recordDenial("anonymous", request.getMethod(), request.getRequestURI(), invalid.reason());
            ProblemWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "The bearer token is not valid: " + invalid.reason() + ".");
            return;
        }
        KalkanPrincipal principal = ((ApiTokens.Valid) resolution).principal();
        var authorities = principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
