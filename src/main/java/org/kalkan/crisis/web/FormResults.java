package org.kalkan.crisis.web;

import org.kalkan.shared.DomainException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.FormErrors;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a form action and redirects back to the page (post/redirect/get). A refusal is shown in the section the
 * form belongs to, in the user's language, at the field it names, with what was typed kept; nothing was stored.
 */
@Component
final class FormResults {

    private final FormErrors errors;

    FormResults(FormErrors errors) {
        this.errors = errors;
    }

    String run(String page, String section, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", section);
        } catch (IllegalArgumentException | DomainException e) {
            return refused(page, section, redirect, e);
        }
        return "redirect:" + page + "#" + section;
    }

    String refused(String page, String section, RedirectAttributes redirect, RuntimeException refusal) {
        redirect.addFlashAttribute("errorSection", section);
        redirect.addFlashAttribute("error", errors.message(refusal));
        return "redirect:" + page + "#" + section;
    }

    /** Entries separated by commas or spaces, e.g. {@code "AZE, KAZ TUR"}. */
    static List<String> list(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    static SecurityLabel label(@Nullable String classification, @Nullable String releasableTo) {
        return Inputs.label(classification, list(releasableTo));
    }
}
