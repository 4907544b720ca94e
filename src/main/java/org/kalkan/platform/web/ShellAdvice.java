package org.kalkan.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.Languages;
import org.kalkan.platform.NavigationBadge;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.shared.Dtg;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page of the shell shows: the navigation the user's roles can use, with the current page marked, and
 * the current time.
 */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

    private final List<NavigationEntry> entries;
    private final List<NavigationBadge> badges;
    private final Clock clock;

    ShellAdvice(List<NavigationEntry> entries, List<NavigationBadge> badges, Clock clock) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
        this.badges = List.copyOf(badges);
        this.clock = clock;
    }

    /** The counts beside navigation links (unacknowledged alerts), by the link's path; kept live by shell.js. */
    @ModelAttribute("navBadges")
    java.util.Map<String, Badge> navBadges(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return java.util.Map.of();
        }
        java.util.Map<String, Badge> byPath = new java.util.HashMap<>();
        badges.forEach(b -> byPath.put(b.path(), new Badge(b)));
        return byPath;
    }

    /**
     * A badge as a page shows it, counted only when the page is written (model attributes are made for API calls
     * too, which must not pay for, or audit, a count).
     */
    public record Badge(NavigationBadge badge) {

        /**
         * The count, or null (no badge) when it cannot be made for this request (the error page for a malformed
         * exercise id, say): a page is never cut off half-way for a badge.
         */
        public @Nullable Integer count() {
            try {
                return badge.count();
            } catch (RuntimeException refused) {
                return null;
            }
        }

        public String stream() {
            return badge.stream();
        }

        public String event() {
            return badge.event();
        }
    }

    @ModelAttribute("navigation")
    List<NavigationEntry> navigation(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return List.of();
        }
        List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .toList();
        // A page offered to several roles is one link, however many of them the user holds.
        Set<String> paths = new HashSet<>();
        return entries.stream().filter(e -> e.offeredTo(authorities)).filter(e -> paths.add(e.path())).toList();
    }

    /** The path of the navigation entry of the page shown (the closest one above it), for the highlight. */
    @ModelAttribute("currentNav")
    @Nullable String currentNav(HttpServletRequest request) {
        // On the error page, the page that failed is the current one.
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = (failed instanceof String uri ? uri : request.getRequestURI())
                .substring(request.getContextPath().length());
        return entries.stream().filter(e -> e.leadsTo(path))
                .max(Comparator.comparingInt((NavigationEntry e) -> e.path().length()))
                .map(NavigationEntry::path).orElse(null);
    }

    /** The page shown, for the language switcher to come back to. */
    @ModelAttribute("currentPage")
    String currentPage(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
            return "/";
        }
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** The languages the switcher offers. */
    @ModelAttribute("uiLanguages")
    List<String> uiLanguages() {
        return Languages.TAGS;
    }

    @ModelAttribute("nowIso")
    String nowIso() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    @ModelAttribute("nowDtg")
    String nowDtg() {
        return Dtg.of(Instant.now(clock));
    }
}
