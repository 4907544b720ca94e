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

    /** How a refused token is answered: a problem on the API, a TAXII error resource on {@code /taxii2/}. */
    interface Unauthorized {
        void write(HttpServletResponse response, String detail) throws IOException;
    }

    private final ApiTokens tokens;
    private final AuditTrail audit;
    private final Unauthorized unauthorized;

    BearerTokenFilter(ApiTokens tokens, AuditTrail audit) {
        this(tokens, audit, (response, detail) -> ProblemWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                "Unauthorized", detail));
    }

    BearerTokenFilter(ApiTokens tokens, AuditTrail audit, Unauthorized unauthorized) {
        this.tokens = tokens;
        this.audit = audit;
        this.unauthorized = unauthorized;
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
            unauthorized.write(response, "The bearer token is not valid: " + invalid.reason() + ".");
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
