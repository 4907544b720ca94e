package org.kalkan.security.web;

import org.jspecify.annotations.Nullable;
import org.kalkan.security.internal.KalkanPrincipal;
import org.kalkan.security.internal.PrincipalHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user on every page, for the shell's header. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

    @ModelAttribute("me")
    @Nullable KalkanPrincipal me(@AuthenticationPrincipal @Nullable PrincipalHolder holder) {
        return holder == null ? null : holder.kalkanPrincipal();
    }
}
