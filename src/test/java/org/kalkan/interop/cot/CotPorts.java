package org.kalkan.interop.cot;

import org.springframework.context.ApplicationContext;

/** Where the node under test listens for TAK clients, for tests outside this package (the seam tests). */
public final class CotPorts {

    private CotPorts() {
    }

    /** The mutual-TLS port. */
    public static int tls(ApplicationContext node) {
        return node.getBean(CotServer.class).tlsPort();
    }

    /** The plain-TCP laboratory port (its connections act as {@code kalkan.cot.tcp-user}, tur.officer in tests). */
    public static int tcp(ApplicationContext node) {
        return node.getBean(CotServer.class).tcpPort();
    }
}
