package org.kalkan.security;

import java.io.Serializable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * What the filter chains (in {@code security.web}) ask of the accounts, free of HTTP: whether a bearer token or the
 * metrics scrape token is good, and the providers that check a login form (password and one-time code) and map an
 * OIDC user to a Kalkan account.
 */
public interface Credentials {

    /** The answer for a bearer token: the authentication it stands for, or why it is refused. */
    sealed interface BearerCheck {
    }

    /** A token in force: its holder's authentication, and the token's id (so the holder can revoke exactly it). */
    record Accepted(Authentication authentication, UUID tokenId) implements BearerCheck {
    }

    /** A refused token, e.g. {@code "expired token"}. */
    record Refused(String reason) implements BearerCheck {
    }

    /** What the login form sends besides username and password. */
    record LoginDetails(String remoteAddress, String totp) implements Serializable {
    }

    /** Checks an API bearer token. */
    BearerCheck bearer(String token);

    /** Whether {@code presented} is the node's metrics scrape token (compared in constant time). */
    boolean isMetricsToken(@Nullable String presented);

    /** The login form's provider: username, password and the {@link LoginDetails} of the request. */
    AuthenticationProvider formLogin();

    /** Maps a user signed in through OIDC to a Kalkan account (provisioned on first sign-in). */
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers();
}
