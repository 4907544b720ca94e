package org.kalkan.security.web;

import java.util.List;
import org.kalkan.security.DemoAccounts;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form (username, password, optional one-time code); a demo node lists its demo accounts beside it. */
@Controller
class LoginController {

    private final boolean demo;

    LoginController(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoAccounts", demo ? DemoAccounts.all() : List.of());
        model.addAttribute("demoPassword", DemoAccounts.PASSWORD);
        return "login";
    }
}
