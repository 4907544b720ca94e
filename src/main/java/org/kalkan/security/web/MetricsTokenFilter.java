package org.kalkan.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.kalkan.security.Credentials;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the actuator endpoints: a bearer token that is the metrics token ({@link Credentials#isMetricsToken}) authenticates the scraper with the one
 * authority {@code ROLE_METRICS}. Any other bearer token is left to the API token filter after it.
 */
class MetricsTokenFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "ROLE_METRICS";
    static final String SCRAPER = "metrics-scraper";

    private final Credentials token;

    MetricsTokenFilter(Credentials token) {
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!token.isMetricsToken(BearerTokenFilter.bearer(request))) {
            chain.doFilter(request, response);
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SCRAPER, null,
                List.of(new SimpleGrantedAuthority(AUTHORITY))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
