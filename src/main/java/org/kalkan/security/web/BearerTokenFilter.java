package org.kalkan.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Credentials;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}; a bad token is a 401, audited. The id of
 * the token in force is kept with the request, so its holder can revoke exactly this token.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private static final String TOKEN_ID = BearerTokenFilter.class.getName() + ".tokenId";

    /** How a refused token is answered: a problem on the API, a TAXII error resource on {@code /taxii2/}. */
    interface Unauthorized {
        void write(HttpServletResponse response, String detail) throws IOException;
    }

    private final Credentials tokens;
    private final AuditTrail audit;
    private final Unauthorized unauthorized;

    BearerTokenFilter(Credentials tokens, AuditTrail audit) {
        this(tokens, audit, (response, detail) -> ProblemWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                "Unauthorized", detail));
    }

    BearerTokenFilter(Credentials tokens, AuditTrail audit, Unauthorized unauthorized) {
        this.tokens = tokens;
        this.audit = audit;
        this.unauthorized = unauthorized;
    }

    /** The id of the bearer token this request was authenticated with, if it was. */
    static @Nullable UUID tokenId(HttpServletRequest request) {
        return request.getAttribute(TOKEN_ID) instanceof UUID id ? id : null;
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static @Nullable String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return header.substring(PREFIX.length()).trim();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request);
        var existing = SecurityContextHolder.getContext().getAuthentication();
        boolean authenticated = existing != null && existing.isAuthenticated()
                && !(existing instanceof AnonymousAuthenticationToken);
        if (token == null || authenticated) { // e.g. the metrics scrape token, checked before
            chain.doFilter(request, response);
            return;
        }
        Credentials.BearerCheck check = tokens.bearer(token);
        if (check instanceof Credentials.Refused refused) {
            audit.recordDenial("anonymous", request.getMethod(), request.getRequestURI(), refused.reason());
            unauthorized.write(response, "The bearer token is not valid: " + refused.reason() + ".");
            return;
        }
        Credentials.Accepted accepted = (Credentials.Accepted) check;
        request.setAttribute(TOKEN_ID, accepted.tokenId());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(accepted.authentication());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
