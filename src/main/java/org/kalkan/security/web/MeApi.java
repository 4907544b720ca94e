package org.kalkan.security.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.SortedSet;
import java.util.TreeSet;
import org.kalkan.security.internal.AccountSettings;
import org.kalkan.security.internal.KalkanPrincipal;
import org.kalkan.security.internal.PrincipalHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own identity and second factor. */
@RestController
@RequestMapping("/api/v1/me")
class MeApi {

    private final AccountSettings settings;

    MeApi(AccountSettings settings) {
        this.settings = settings;
    }

    record Me(String username, String displayName, String nation, SortedSet<String> roles, String clearance,
            String language, boolean totpEnabled) {
    }

    record TotpCode(@NotBlank String code) {
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
    AccountSettings.TotpEnrolment startTotp(@AuthenticationPrincipal PrincipalHolder holder) {
        return settings.startTotpEnrolment(holder.kalkanPrincipal().username());
    }

    @PostMapping("/totp/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmTotp(@AuthenticationPrincipal PrincipalHolder holder, @Valid @RequestBody TotpCode code) {
        settings.confirmTotp(holder.kalkanPrincipal().username(), code.code());
    }
}
