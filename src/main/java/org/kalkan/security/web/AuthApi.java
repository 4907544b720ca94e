package org.kalkan.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.BearerTokens;
import org.kalkan.security.internal.PrincipalHolder;
import org.kalkan.security.internal.SignInThrottledException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bearer tokens for API clients: issued for a username and password (and a one-time code once enrolled), revoked by
 * their holder with {@code DELETE /api/v1/auth/tokens/current}. Failed attempts are throttled per client address
 * (429 with {@code Retry-After}).
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApi {

    private final BearerTokens tokens;
    private final Clock clock;

    AuthApi(BearerTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 1024) String password,
            @Nullable @Size(max = 6) String totp) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse issue(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
        var issued = tokens.issue(body.username(), body.password(), body.totp(), request.getRemoteAddr());
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    /** Signs the token out: the token this request carries is refused from the next request on. */
    @DeleteMapping("/tokens/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeCurrent(@AuthenticationPrincipal PrincipalHolder holder, HttpServletRequest request) {
        tokens.revokeCurrent(BearerTokenFilter.tokenId(request), holder.kalkanPrincipal().username());
    }

    @ExceptionHandler(SignInThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottledException e) {
        return ThrottleProblems.of(e, clock);
    }

    @ExceptionHandler(AuthenticationException.class)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    ProblemDetail refused(AuthenticationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Authentication failed");
        return problem;
    }
}
