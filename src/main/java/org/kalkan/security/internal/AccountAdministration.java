package org.kalkan.security.internal;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an administrator does to accounts: see them, and revoke every bearer token of one (audited). */
@Service
public class AccountAdministration {

    private final UserAccounts accounts;
    private final ApiTokens tokens;
    private final AuditTrail audit;

    AccountAdministration(UserAccounts accounts, ApiTokens tokens, AuditTrail audit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** An account as administrators see it: no secrets, the number of bearer tokens in force. */
    public record Account(String username, String displayName, String nation, String clearance,
            SortedSet<String> roles, boolean enabled, boolean totpEnabled, boolean external, int tokensInForce) {
    }

    @Transactional(readOnly = true)
    public List<Account> accounts(Subject administrator) {
        requireAdmin(administrator);
        Map<String, Integer> inForce = tokens.inForce();
        return accounts.all().stream().map(a -> {
            SortedSet<String> roles = new TreeSet<>();
            a.roles().forEach(r -> roles.add(r.name()));
            return new Account(a.username(), a.displayName(), a.nation().value(), a.clearance().name(), roles,
                    a.enabled(), a.totpEnabled(), a.passwordHash() == null, inForce.getOrDefault(a.username(), 0));
        }).toList();
    }

    /** Revokes every bearer token of the user that is still in force; the answer is how many. */
    @Transactional
    public int revokeTokens(Subject administrator, String username) {
        requireAdmin(administrator);
        if (!accounts.exists(username)) {
            throw new NotFoundException("There is no account '" + username + "'.");
        }
        int revoked = tokens.revokeAll(username, administrator.username());
        audit.record(administrator.username(), "TOKENS_REVOKED", "user:" + username,
                revoked + " bearer token(s) revoked by an administrator");
        return revoked;
    }

    private static void requireAdmin(Subject subject) {
        if (!subject.has(Role.ADMIN)) {
            throw new ForbiddenException("Only administrators manage accounts.");
        }
    }
}
