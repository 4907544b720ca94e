package org.kalkan.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.shared.Dtg;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the shell shows: the navigation the user may use and the current time. */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

    private final List<NavigationEntry> entries;
    private final Clock clock;

    ShellAdvice(List<NavigationEntry> entries, Clock clock) {
        this.entries = entries.stream().sorted(Comparator.comparingInt(NavigationEntry::order)).toList();
        this.clock = clock;
    }

    @ModelAttribute("navigation")
    List<NavigationEntry> navigation(Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        List<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .toList();
        // A page offered to several roles is one link, however many of them the user holds.
        java.util.Set<String> paths = new java.util.HashSet<>();
        return entries.stream().filter(e -> e.authority() == null || authorities.contains(e.authority()))
                .filter(e -> paths.add(e.path())).toList();
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
