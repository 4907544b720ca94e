package org.kalkan.interop.cot.internal;

import org.kalkan.interop.cot.LiveConnectionCheck;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the live connections' access check every {@code kalkan.cot.access-check}. */
@Component
class CotAccessPoller {

    private final LiveConnectionCheck check;

    CotAccessPoller(LiveConnectionCheck check) {
        this.check = check;
    }

    @Scheduled(fixedDelayString = "${kalkan.cot.access-check:PT2S}")
    void tick() {
        check.check();
    }
}
