package org.kalkan.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address clients reach this node at, for absolute links (OGC API, and anything else that must name the node).
 * Never taken from the request's {@code Host} or {@code X-Forwarded-*} headers, which a client chooses: configured
 * as {@code kalkan.platform.public-base-url} ({@code KALKAN_PUBLIC_URL}), or else derived from the node's own
 * settings as {@code http(s)://localhost:<port><context-path>} (right for a client on the same machine, and never
 * an address a caller chose).
 */
@Component
public class PublicBaseUrl {

    private static final Logger log = LoggerFactory.getLogger(PublicBaseUrl.class);

    private final String configured;
    private final Environment environment;
    private volatile @Nullable String derived;

    public PublicBaseUrl(PlatformProperties properties, Environment environment) {
        this.configured = validated(properties.publicBaseUrl());
        this.environment = environment;
        if (configured.isEmpty()) {
            log.info("kalkan.platform.public-base-url (KALKAN_PUBLIC_URL) is not set: absolute links name "
                    + "localhost; set it to the address clients use, e.g. https://kalkan.example.org");
        }
    }

    /** The base URL without a trailing slash, e.g. {@code https://kalkan.example.org} or {@code http://localhost:8080}. */
    public String get() {
        if (!configured.isEmpty()) {
            return configured;
        }
        String known = derived;
        if (known != null) {
            return known;
        }
        String listening = environment.getProperty("local.server.port");
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false)
                || environment.getProperty("server.ssl.bundle") != null
                || environment.getProperty("server.ssl.key-store") != null;
        String port = listening != null ? listening : environment.getProperty("server.port", "8080");
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        String url = (tls ? "https" : "http") + "://localhost:" + port + trimmed(contextPath);
        if (listening != null) {
            // Kept once the server listens: the HSTS header asks on every request, and each Environment lookup walks
            // every property source (5 % of a report's CPU in the ingest profile).
            derived = url;
        }
        return url;
    }

    /** Whether clients reach the node over TLS (the configured base URL is {@code https}). */
    public boolean https() {
        return get().startsWith("https:");
    }

    private static String validated(String value) {
        String trimmed = trimmed(value.strip());
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new IllegalStateException("kalkan.platform.public-base-url must be an http(s) URL such as "
                        + "https://kalkan.example.org, not '" + value + "'");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("kalkan.platform.public-base-url is not a URL: '" + value + "'", e);
        }
    }

    private static String trimmed(String value) {
        String result = value;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
