package org.kalkan.platform.web;

import org.kalkan.platform.PublicBaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session cookie is {@code Secure} whenever the node is reached over TLS. Tomcat marks it so by itself for a
 * request that came over TLS (directly, or as a trusted proxy says with {@code server.forward-headers-strategy});
 * behind a TLS-terminating proxy the public base URL ({@code https://…}) says so, and then every session cookie is
 * marked, whatever the proxy forwards.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookies {

    private static final Logger log = LoggerFactory.getLogger(SessionCookies.class);

    @Bean
    ServletContextInitializer secureSessionCookie(PublicBaseUrl publicBaseUrl) {
        return context -> {
            if (publicBaseUrl.https()) {
                context.getSessionCookieConfig().setSecure(true);
                log.info("Session cookies are marked Secure: the node is reached at {}", publicBaseUrl.get());
            }
        };
    }
}
