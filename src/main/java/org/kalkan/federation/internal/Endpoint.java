package org.kalkan.federation.internal;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** The port the federation endpoint listens on once started (configured, or chosen when configured 0). */
@Component
public class Endpoint {

    private final AtomicInteger port = new AtomicInteger(-1);

    public void listening(int bound) {
        port.set(bound);
    }

    /** The bound port, or -1 while the endpoint is not listening. */
    public int port() {
        return port.get();
    }
}
