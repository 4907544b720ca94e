package org.kalkan.interop.cap.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.cap.CapPublications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public CAP endpoints, for feed readers and public alerting portals, without credentials: the Atom feed, each
 * published message as signed CAP and in an EDXL-DE envelope, and the certificate that verifies the signatures.
 * Only what the public release covers exists here; anything else is 404.
 */
@RestController
class CapFeed {

    static final MediaType CAP = MediaType.parseMediaType("application/cap+xml");
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml");

    private final CapPublications publications;

    CapFeed(CapPublications publications) {
        this.publications = publications;
    }

    @GetMapping("/cap/alerts.atom")
    ResponseEntity<byte[]> feed(@RequestParam(required = false) @Nullable String before) {
        return ResponseEntity.ok().contentType(ATOM).cacheControl(CacheControl.noCache())
                .body(publications.feed(cursor(before)));
    }

    @GetMapping("/cap/alerts/{id}.xml")
    ResponseEntity<byte[]> cap(@PathVariable String id) {
        return answer(uuid(id).flatMap(publications::cap), CAP);
    }

    @GetMapping("/cap/alerts/{id}.edxlde")
    ResponseEntity<byte[]> edxlDe(@PathVariable String id) {
        return answer(uuid(id).flatMap(publications::edxlDe), MediaType.APPLICATION_XML);
    }

    @GetMapping("/cap/certificate.pem")
    ResponseEntity<String> certificate() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(publications.certificatePem());
    }

    private static ResponseEntity<byte[]> answer(Optional<byte[]> body, MediaType type) {
        return body.map(bytes -> ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                .body(bytes)).orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static @Nullable Instant cursor(@Nullable String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(before);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("before is an ISO 8601 instant from the feed's next link");
        }
    }

    /** The public endpoints need no credentials and keep no session. */
    @Configuration(proxyBeanMethods = false)
    static class PublicChain {

        @Bean
        @Order(0)
        SecurityFilterChain capPublicChain(HttpSecurity http) throws Exception {
            http.securityMatcher(request -> HttpMethod.GET.matches(request.getMethod())
                            && request.getRequestURI().startsWith(request.getContextPath() + "/cap/"))
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'")));
            return http.build();
        }
    }
}
