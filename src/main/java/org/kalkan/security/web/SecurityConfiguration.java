package org.kalkan.security.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.kalkan.platform.PublicBaseUrl;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Credentials;
import org.kalkan.security.Role;
import org.kalkan.security.SecurityProperties;
import org.kalkan.security.internal.PrincipalHolder;
import org.kalkan.security.internal.SignInThrottledException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Four filter chains: TAXII 2.1 ({@code /taxii2/}: stateless, HTTP Basic or bearer tokens, TAXII error resources),
 * the actuator (health open without details, Prometheus for the scrape token, the rest for administrators), the API
 * (stateless, bearer tokens, problem+json answers) and the browser (login form, sessions, CSRF, optional OIDC). All
 * audit every refusal. Content Security Policy allows only this node; HSTS is sent on every response when the node
 * is reached over TLS (directly, or behind a proxy when the public base URL is https).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'";
    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2", Map.of(
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * TAXII clients (national CERTs' MISP, OpenCTI, scripts) authenticate with HTTP Basic per account or with a
     * bearer token; every refusal is a TAXII error resource ({@code application/taxii+json;version=2.1}).
     */
    @Bean
    @Order(0)
    SecurityFilterChain taxiiChain(HttpSecurity http, Credentials credentials, AuditTrail audit,
            PublicBaseUrl publicBaseUrl) throws Exception {
        var entryPoint = new TaxiiErrorWriter.EntryPoint(audit);
        http.securityMatcher("/taxii2/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationProvider(credentials.formLogin())
                .httpBasic(basic -> basic.realmName(TaxiiErrorWriter.REALM).authenticationEntryPoint(entryPoint))
                .addFilterBefore(new BearerTokenFilter(credentials, audit, TaxiiErrorWriter::unauthorized),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new TaxiiErrorWriter.Denied(audit)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'"))
                        .httpStrictTransportSecurity(hsts(publicBaseUrl)));
        return http.build();
    }

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, Credentials credentials, AuditTrail audit,
            PublicBaseUrl publicBaseUrl) throws Exception {
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new MetricsTokenFilter(credentials), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(credentials, audit), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // Open for load balancers; details only for administrators (management.endpoint.health).
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority(MetricsTokenFilter.AUTHORITY,
                                Role.ADMIN.authority())
                        .anyRequest().hasAuthority(Role.ADMIN.authority()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            audit.recordDenial("anonymous", request.getMethod(), request.getRequestURI(),
                                    "no metrics credentials");
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"kalkan\"");
                            ProblemWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                                    "Metrics need 'Authorization: Bearer <token>': the node's metrics token "
                                            + "(KALKAN_METRICS_TOKEN or <data-dir>/metrics-token) or an "
                                            + "administrator's API token.");
                        })
                        .accessDeniedHandler(new AuditingAccessDeniedHandler(audit, true)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'"))
                        .httpStrictTransportSecurity(hsts(publicBaseUrl)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, Credentials credentials, AuditTrail audit,
            PublicBaseUrl publicBaseUrl)
            throws Exception {
        http.securityMatcher("/api/**", "/ogc/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(credentials, audit), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        // The ASYNC dispatch that ends a stream (SSE) re-enters the chain without the bearer token's
                        // context (the token filter runs once per request): the request was authorized on its
                        // REQUEST dispatch, and refusing it here only logged two stack traces per stream.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
                        .requestMatchers("/api/v1/audit/**", "/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            audit.recordDenial("anonymous", request.getMethod(), request.getRequestURI(),
                                    "no credentials");
                            ProblemWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                                    "Authenticate with 'Authorization: Bearer <token>' from POST /api/v1/auth/tokens.");
                        })
                        .accessDeniedHandler(new AuditingAccessDeniedHandler(audit, true)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'"))
                        .httpStrictTransportSecurity(hsts(publicBaseUrl)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, Credentials credentials, AuditTrail audit,
            SecurityProperties properties, ObjectProvider<ClientRegistrationRepository> oidcClients,
            PublicBaseUrl publicBaseUrl) throws Exception {
        http.authenticationProvider(credentials.formLogin())
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/vendor/**", "/images/**", "/favicon.ico",
                                "/favicon.svg",
                                "/error", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .authenticationDetailsSource(new LoginDetailsSource())
                        .successHandler(localeRestoringSuccessHandler())
                        // Throttled or refused: the same page either way, whether or not the username exists.
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                request.getContextPath() + (exception instanceof SignInThrottledException
                                        ? "/login?throttled" : "/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(new AuditingAccessDeniedHandler(audit, false)))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .httpStrictTransportSecurity(hsts(publicBaseUrl)));
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        if (properties.oidc().enabled() && clients != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(credentials.oidcUsers()))
                    .successHandler(localeRestoringSuccessHandler()));
        }
        return http.build();
    }

    /**
     * HSTS on every response served over TLS: the request came over TLS (directly, or as a trusted proxy says with
     * {@code server.forward-headers-strategy}), or the node's public base URL is https (a TLS-terminating proxy).
     */
    static Customizer<HeadersConfigurer<HttpSecurity>.HstsConfig> hsts(PublicBaseUrl publicBaseUrl) {
        return hsts -> hsts.requestMatcher(request -> request.isSecure() || publicBaseUrl.https())
                .maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(false);
    }

    /** What the login form sends besides username and password: the client's address and the one-time code. */
    static final class LoginDetailsSource
            implements AuthenticationDetailsSource<HttpServletRequest, Credentials.LoginDetails> {

        @Override
        public Credentials.LoginDetails buildDetails(HttpServletRequest request) {
            String totp = request.getParameter("totp");
            return new Credentials.LoginDetails(request.getRemoteAddr(), totp == null ? "" : totp);
        }
    }

    /** After login the user's chosen language applies to the whole session. */
    private static SavedRequestAwareAuthenticationSuccessHandler localeRestoringSuccessHandler() {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request,
                    HttpServletResponse response, org.springframework.security.core.Authentication authentication)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                if (authentication.getPrincipal() instanceof PrincipalHolder holder) {
                    request.getSession().setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
                            Locale.forLanguageTag(holder.kalkanPrincipal().locale()));
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }
}
