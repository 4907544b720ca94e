package org.kalkan.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.Languages;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.security.internal.AccountSettings;
import org.kalkan.security.internal.PrincipalHolder;
import org.kalkan.security.internal.SignInThrottledException;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.RefusedException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own account page: language, and the TOTP second factor, whose enrolment and removal ask for the
 * password again.
 */
@Controller
class AccountController {

    private static final List<String> LANGUAGES = Languages.TAGS;

    private final AccountSettings settings;

    AccountController(AccountSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal PrincipalHolder holder, Model model) {
        model.addAttribute("totpEnabled", settings.totpEnabled(holder.kalkanPrincipal().username()));
        model.addAttribute("languages", LANGUAGES);
        return "account";
    }

    /** Saves the language; the header's switcher comes back to the page it was used on ({@code back}). */
    @PostMapping("/account/language")
    String language(@AuthenticationPrincipal PrincipalHolder holder, @RequestParam String language,
            @RequestParam(required = false) @Nullable String back, HttpSession session) {
        settings.setLanguage(holder.kalkanPrincipal().username(), language);
        session.setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.forLanguageTag(language));
        return "redirect:" + (isLocalPage(back) ? back : "/account");
    }

    /** Only a path of this node ("/crises/…"), never another site ("//host", "https://…") or a header break. */
    static boolean isLocalPage(@Nullable String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.chars().noneMatch(c -> c < 0x20) && path.length() <= 2000;
    }

    @PostMapping("/account/totp")
    String startTotp(@AuthenticationPrincipal PrincipalHolder holder,
            @RequestParam(required = false) @Nullable String password, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        try {
            var enrolment = settings.startTotpEnrolment(holder.kalkanPrincipal().username(), password,
                    request.getRemoteAddr());
            model.addAttribute("enrolment", enrolment);
            model.addAttribute("totpEnabled", false);
            model.addAttribute("languages", LANGUAGES);
            return "account";
        } catch (InvalidInputException | ForbiddenException | RefusedException | SignInThrottledException e) {
            redirect.addFlashAttribute("error", errorKey(e));
            return "redirect:/account";
        }
    }

    @PostMapping("/account/totp/confirmation")
    String confirmTotp(@AuthenticationPrincipal PrincipalHolder holder, @RequestParam String code,
            RedirectAttributes redirect) {
        try {
            settings.confirmTotp(holder.kalkanPrincipal().username(), code);
            redirect.addFlashAttribute("message", "account.totp.enabled");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "account.totp.wrongCode");
        } catch (SignInThrottledException e) {
            redirect.addFlashAttribute("error", "account.throttled");
        }
        return "redirect:/account";
    }

    @PostMapping("/account/totp/removal")
    String removeTotp(@AuthenticationPrincipal PrincipalHolder holder,
            @RequestParam(required = false) @Nullable String password, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            settings.removeTotp(holder.kalkanPrincipal().username(), password, request.getRemoteAddr());
            redirect.addFlashAttribute("message", "account.totp.removed");
        } catch (InvalidInputException | ForbiddenException | RefusedException | SignInThrottledException e) {
            redirect.addFlashAttribute("error", errorKey(e));
        }
        return "redirect:/account";
    }

    private static String errorKey(RuntimeException e) {
        if (e instanceof SignInThrottledException) {
            return "account.throttled";
        }
        if (e instanceof ForbiddenException) {
            return "account.password.wrong";
        }
        if (e instanceof RefusedException) {
            return "account.totp.state";
        }
        return "account.password.required";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry accountNavigation() {
            return new NavigationEntry("nav.account", "/account", 900, null);
        }

        @Bean
        NavigationEntry usersNavigation() {
            return new NavigationEntry("nav.users", "/admin/users", 940, "ROLE_ADMIN");
        }

        @Bean
        NavigationEntry auditNavigation() {
            return new NavigationEntry("nav.audit", "/admin/audit", 950, "ROLE_ADMIN");
        }
    }
}
