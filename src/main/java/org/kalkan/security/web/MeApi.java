package org.kalkan.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.internal.AccountSettings;
import org.kalkan.security.internal.KalkanPrincipal;
import org.kalkan.security.internal.PrincipalHolder;
import org.kalkan.security.internal.SignInThrottledException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own identity and second factor. Enrolling ({@code POST /totp}) and removing
 * ({@code POST /totp/removal}) the second factor need the password again; wrong confirmation codes are throttled.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeApi {

    private final AccountSettings settings;
    private final Clock clock;

    MeApi(AccountSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    record Me(String username, String displayName, String nation, SortedSet<String> roles, String clearance,
            String language, boolean totpEnabled) {
    }

    record TotpCode(@NotBlank String code) {
    }

    /** The account's password, asked again before the second factor changes. */
    record PasswordConfirmation(@Nullable String password) {
    }

    @GetMapping
    Me me(@AuthenticationPrincipal PrincipalHolder holder) {
        KalkanPrincipal p = holder.kalkanPrincipal();
        SortedSet<String> roles = new TreeSet<>();
        p.roles().forEach(r -> roles.add(r.name()));
        return new Me(p.username(), p.displayName(), p.nation().value(), roles, p.clearance().name(), p.locale(),
                settings.totpEnabled(p.username()));
    }

    @PostMapping("/totp")
    @ResponseStatus(HttpStatus.CREATED)
    AccountSettings.TotpEnrolment startTotp(@AuthenticationPrincipal PrincipalHolder holder,
            @RequestBody(required = false) @Nullable PasswordConfirmation body, HttpServletRequest request) {
        return settings.startTotpEnrolment(holder.kalkanPrincipal().username(), password(body),
                request.getRemoteAddr());
    }

    @PostMapping("/totp/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmTotp(@AuthenticationPrincipal PrincipalHolder holder, @Valid @RequestBody TotpCode code) {
        settings.confirmTotp(holder.kalkanPrincipal().username(), code.code());
    }

    @PostMapping("/totp/removal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeTotp(@AuthenticationPrincipal PrincipalHolder holder,
            @RequestBody(required = false) @Nullable PasswordConfirmation body, HttpServletRequest request) {
        settings.removeTotp(holder.kalkanPrincipal().username(), password(body), request.getRemoteAddr());
    }

    @ExceptionHandler(SignInThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottledException e) {
        return ThrottleProblems.of(e, clock);
    }

    private static @Nullable String password(@Nullable PasswordConfirmation body) {
        return body == null ? null : body.password();
    }
}
