package org.kalkan.interop.cot;

import org.kalkan.security.UserDirectory;
import org.springframework.context.ApplicationContext;

/** What an administrator does to TAK certificates on a node, for tests outside this package (the cluster tests). */
public final class CotAdmin {

    private CotAdmin() {
    }

    /** Revokes a client certificate on {@code node}, as {@code admin}. */
    public static void revoke(ApplicationContext node, String serial) {
        node.getBean(Enrolments.class).revoke(node.getBean(UserDirectory.class).find("admin").orElseThrow().subject(),
                serial);
    }
}
