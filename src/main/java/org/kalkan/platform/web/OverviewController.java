package org.kalkan.platform.web;

import org.kalkan.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The first page after login is the dashboard (module {@code dashboard}, at {@code /}); the shell keeps its link
 * first in the navigation. {@code overview.html} holds the "your access" card the dashboard shows.
 */
class OverviewController {

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry overviewNavigation() {
            return new NavigationEntry("nav.overview", "/", 0, null);
        }
    }
}
