package org.kalkan.security.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.UserDirectory;
import org.kalkan.security.UserSummary;
import org.kalkan.shared.ForbiddenException;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people a signed-in user may pick in a form (crisis team, task owner, alert recipients, exercise staff): enabled
 * accounts only, each with its name, nation and roles by their human names in the reader's language. What the
 * pages already let anyone type; nobody has to know a user name by heart (issue 16: pick, never paste). Only the roles
 * whose forms address people (alerts, crisis teams, exercise staff, TAK defaults) get the directory; an observer or a
 * reporting officer has no form that needs it and does not see the accounts of every nation.
 */
@RestController
class UserChoicesController {

    record Person(String username, String name, String nation, List<String> roles) {}

    private static final Set<Role> PICKERS = Set.of(Role.WATCH_OFFICER, Role.CRISIS_MANAGER, Role.COUNCIL_CHAIR,
            Role.ADMIN, Role.EXERCISE_DIRECTOR);

    private final UserDirectory users;
    private final MessageSource messages;
    private final CurrentSubject subject;

    UserChoicesController(UserDirectory users, MessageSource messages, CurrentSubject subject) {
        this.users = users;
        this.messages = messages;
        this.subject = subject;
    }

    @GetMapping(path = "/users/choices", produces = "application/json")
    List<Person> choices(Locale locale) {
        if (PICKERS.stream().noneMatch(subject.get()::has)) {
            throw new ForbiddenException("Only roles whose forms address people may list the accounts.");
        }
        return users.all().stream().filter(UserSummary::enabled)
                .sorted(Comparator.comparing(UserSummary::username))
                .map(u -> new Person(u.username(), u.displayName().isBlank() ? u.username() : u.displayName(),
                        u.nation().value(), u.roles().stream().sorted().map(r -> roleName(r, locale)).toList()))
                .toList();
    }

    private String roleName(Role role, Locale locale) {
        String name = messages.getMessage("role." + role.name(), null, role.name(), locale);
        return name == null ? role.name() : name;
    }
}
