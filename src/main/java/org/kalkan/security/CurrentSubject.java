package org.kalkan.security;

import java.util.Optional;
import org.kalkan.security.internal.PrincipalHolder;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The subject of the current request, for the access policy. Without an authenticated user it fails. */
@Component
public class CurrentSubject {

    public Subject get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not authenticated"));
    }

    public Optional<Subject> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PrincipalHolder holder) {
            return Optional.of(holder.kalkanPrincipal().subject());
        }
        return Optional.empty();
    }
}
