package org.kalkan.platform.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The last line of a start-up tells a newcomer where the node is and, on a demo node, how to sign in:
 * {@code Kalkan is ready at http://localhost:8080 — sign in as aze.officer / kalkan-demo (all demo accounts in
 * README.md)}, with the port the node actually listens on.
 */
@Component
class ReadyLine implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger("org.kalkan.Kalkan");

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        WebServer server = web.getWebServer();
        if (server == null) {
            return;
        }
        boolean demo = event.getApplicationContext().getEnvironment().acceptsProfiles(Profiles.of("demo"));
        log.info(line(server.getPort(), demo));
    }

    static String line(int port, boolean demo) {
        return "Kalkan is ready at http://localhost:" + port
                + (demo ? " — sign in as aze.officer / kalkan-demo (all demo accounts in README.md)" : "");
    }
}
