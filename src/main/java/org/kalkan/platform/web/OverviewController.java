package org.kalkan.platform.web;

import org.kalkan.platform.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after login. */
@Controller
class OverviewController {

    @GetMapping("/")
    String overview() {
        return "overview";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry overviewNavigation() {
            return new NavigationEntry("nav.overview", "/", 0, null);
        }
    }
}
