package org.kalkan.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form (username, password, optional one-time code). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
