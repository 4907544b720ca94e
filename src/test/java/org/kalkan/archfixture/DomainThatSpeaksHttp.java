package org.kalkan.archfixture;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.JsonNode;

/**
 * Breaks the rules "no HTTP outside web adapters", "domain code knows no wire format" and "schedulers in internal"
 * on purpose, so the architecture tests can show those rules fail.
 */
public final class DomainThatSpeaksHttp {

    private DomainThatSpeaksHttp() {
    }

    public static int refuse() {
        return HttpStatus.CONFLICT.value();
    }

    public static boolean isObject(JsonNode json) {
        return json.isObject();
    }

    @Scheduled(fixedDelay = 1000)
    public void poll() {
    }
}
