package org.kalkan.security.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.internal.TokenService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Bearer tokens for API clients. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthApi {

    private final TokenService tokens;

    AuthApi(TokenService tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 1024) String password,
            @Nullable @Size(max = 6) String totp) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse issue(@Valid @RequestBody TokenRequest request) {
        var issued = tokens.issue(request.username(), request.password(), request.totp());
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @ExceptionHandler(LockedException.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    ProblemDetail locked(LockedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("Too many failed attempts");
        return problem;
    }

    @ExceptionHandler(AuthenticationException.class)
    @ResponseStatus(HttpStatus.UNAUTHORIZED)
    ProblemDetail refused(AuthenticationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle("Authentication failed");
        return problem;
    }
}
