package org.kalkan.training.internal;

import org.kalkan.platform.PublicBaseUrl;
import org.springframework.stereotype.Component;

/**
 * This node as learning records name it: the {@code homePage} of its persons' xAPI accounts and the root of its
 * course activity ids, both the node's public base URL ({@code kalkan.platform.public-base-url}).
 */
@Component
class NodeIdentity {

    private final PublicBaseUrl base;

    NodeIdentity(PublicBaseUrl base) {
        this.base = base;
    }

    String homePage() {
        return base.get();
    }

    /** The xAPI activity id of a course: {@code <public base url>/training/courses/<code>}. */
    String courseActivity(String code) {
        return base.get() + "/training/courses/" + code;
    }
}
