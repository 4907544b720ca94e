package org.kalkan.platform;

/**
 * A count shown beside a navigation link (unacknowledged alerts beside "Alerts"), contributed by a module as a bean:
 * {@code path} is the link's, {@code count()} the signed-in user's number now, {@code stream} a Server-Sent Events
 * path whose events of name {@code event} carry {@code {"unacknowledged": n}} to keep it live in every open page.
 */
public interface NavigationBadge {

    String path();

    /** The number for the user of the current request (called only for signed-in users). */
    int count();

    String stream();

    String event();
}
