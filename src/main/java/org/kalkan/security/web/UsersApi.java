package org.kalkan.security.web;

import java.util.List;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.internal.AccountAdministration;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts for administrators (the API chain allows only ADMIN under {@code /api/v1/admin}). */
@RestController
@RequestMapping("/api/v1/admin/users")
class UsersApi {

    private final AccountAdministration administration;
    private final CurrentSubject subject;

    UsersApi(AccountAdministration administration, CurrentSubject subject) {
        this.administration = administration;
        this.subject = subject;
    }

    record Revoked(String username, int revoked) {
    }

    @GetMapping
    List<AccountAdministration.Account> accounts() {
        return administration.accounts(subject.get());
    }

    /** Revokes every bearer token of the user still in force: each is refused from the next request on. */
    @DeleteMapping("/{username}/tokens")
    Revoked revokeTokens(@PathVariable String username) {
        return new Revoked(username, administration.revokeTokens(subject.get(), username));
    }
}
