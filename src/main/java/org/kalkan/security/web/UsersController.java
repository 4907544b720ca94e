package org.kalkan.security.web;

import org.kalkan.security.CurrentSubject;
import org.kalkan.security.internal.AccountAdministration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The accounts page for administrators: every account, and revoking all bearer tokens of one. */
@Controller
class UsersController {

    private final AccountAdministration administration;
    private final CurrentSubject subject;

    UsersController(AccountAdministration administration, CurrentSubject subject) {
        this.administration = administration;
        this.subject = subject;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("accounts", administration.accounts(subject.get()));
        return "users";
    }

    @PostMapping("/admin/users/{username}/tokens/revocation")
    String revokeTokens(@PathVariable String username, RedirectAttributes redirect) {
        int revoked = administration.revokeTokens(subject.get(), username);
        redirect.addFlashAttribute("revokedUser", username);
        redirect.addFlashAttribute("revokedCount", revoked);
        return "redirect:/admin/users";
    }
}
