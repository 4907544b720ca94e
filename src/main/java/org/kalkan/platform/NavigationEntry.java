package org.kalkan.platform;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A link in the shell's navigation, contributed by a module as a bean. {@code messageKey} names the label in the
 * message bundles. The link is offered only to the roles that can use the page: holders of {@code authority} (e.g.
 * {@code ROLE_ADMIN}) or of any of {@code moreAuthorities}; with no authority, to everyone signed in.
 */
public record NavigationEntry(String messageKey, String path, int order, @Nullable String authority,
        List<String> moreAuthorities) {

    public NavigationEntry {
        moreAuthorities = List.copyOf(moreAuthorities);
        if (authority == null && !moreAuthorities.isEmpty()) {
            throw new IllegalArgumentException("more authorities without a first one");
        }
    }

    /** A link for holders of one authority, or for everyone signed in when it is {@code null}. */
    public NavigationEntry(String messageKey, String path, int order, @Nullable String authority) {
        this(messageKey, path, order, authority, List.of());
    }

    /** A link for holders of any of the authorities (e.g. {@code Role.WATCH_OFFICER.authority()}). */
    public static NavigationEntry forAny(String messageKey, String path, int order, String... authorities) {
        if (authorities.length == 0) {
            throw new IllegalArgumentException("a navigation entry for some roles names at least one");
        }
        return new NavigationEntry(messageKey, path, order, authorities[0],
                Arrays.asList(authorities).subList(1, authorities.length));
    }

    /** Whether a user holding these authorities is offered the link. */
    public boolean offeredTo(Collection<String> held) {
        return authority == null || held.contains(authority) || moreAuthorities.stream().anyMatch(held::contains);
    }

    /** Whether the link leads to the page at {@code requestPath} or above it ("/" only to itself). */
    public boolean leadsTo(String requestPath) {
        if ("/".equals(path)) {
            return "/".equals(requestPath);
        }
        return requestPath.equals(path) || requestPath.startsWith(path + "/");
    }
}
