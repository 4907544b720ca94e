package org.kalkan.training.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.kalkan.security.AuditTrail;
import org.kalkan.training.LearningRecords;
import org.kalkan.training.LearningSystem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The xAPI endpoint has its own filter chain, before the API's: national learning systems authenticate with HTTP
 * Basic ({@code name:secret}) or {@code Authorization: Bearer <token>}, as issued when an administrator registered
 * them; nothing else is accepted there, and every refusal is audited. {@code GET /api/v1/xapi/about} is open, as
 * xAPI requires. Every answer carries the {@code X-Experience-API-Version} the request asked for.
 */
@Configuration(proxyBeanMethods = false)
class XapiSecurity {

    static final String ROLE = "XAPI_SYSTEM";

    @Bean
    @Order(0)
    SecurityFilterChain xapiChain(HttpSecurity http, LearningRecords records, AuditTrail audit) throws Exception {
        http.securityMatcher("/api/v1/xapi/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new Credentials(records, audit), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/v1/xapi/about").permitAll()
                        .anyRequest().hasRole(ROLE))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            audit.recordDenial("anonymous", request.getMethod(), request.getRequestURI(),
                                    "no xAPI credentials");
                            unauthorized(response, "Authenticate as a registered learning system: HTTP Basic "
                                    + "name:secret or Authorization: Bearer <token>.");
                        })
                        .accessDeniedHandler((request, response, ex) -> unauthorized(response,
                                "Only registered learning systems use the xAPI endpoint.")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'")));
        return http.build();
    }

    private static void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"Kalkan xAPI\"");
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                + detail.replace("\"", "'") + "\"}");
    }

    /** Resolves Basic or Bearer credentials of a learning system; bad ones are a 401, audited. */
    static final class Credentials extends OncePerRequestFilter {

        private final LearningRecords records;
        private final AuditTrail audit;

        Credentials(LearningRecords records, AuditTrail audit) {
            this.records = records;
            this.audit = audit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String asked = request.getHeader(XapiStatements.HEADER);
            response.setHeader(XapiStatements.HEADER, asked != null && asked.strip().startsWith("1.") ? "1.0.3"
                    : "2.0.0");
            String header = request.getHeader("Authorization");
            if (header == null) {
                chain.doFilter(request, response);
                return;
            }
            Optional<LearningSystem> system = Optional.empty();
            String who = "anonymous";
            if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                            StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    decoded = "";
                }
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    who = "xapi:" + decoded.substring(0, colon);
                    system = records.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
                }
            } else if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                system = records.authenticateToken(header.substring(7).strip());
            }
            if (system.isEmpty()) {
                audit.recordDenial(who, request.getMethod(), request.getRequestURI(), "bad xAPI credentials");
                unauthorized(response, "The credentials are not those of a registered learning system.");
                return;
            }
            var authentication = UsernamePasswordAuthenticationToken.authenticated(system.get(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
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
}
