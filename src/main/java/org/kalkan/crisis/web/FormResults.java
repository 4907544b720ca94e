package org.kalkan.crisis.web;

import org.kalkan.shared.DomainException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a form action and redirects back to the page (post/redirect/get). A refusal is shown in the section the
 * form belongs to, with the problem's detail; nothing was stored.
 */
final class FormResults {

    private FormResults() {
    }

    static String run(String page, String section, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", section);
        } catch (IllegalArgumentException e) {
            return refused(page, section, redirect, e.getMessage());
        } catch (DomainException e) {
            return refused(page, section, redirect, e.detail());
        }
        return "redirect:" + page + "#" + section;
    }

    static String refused(String page, String section, RedirectAttributes redirect, @Nullable String detail) {
        redirect.addFlashAttribute("errorSection", section);
        redirect.addFlashAttribute("error", detail == null ? "refused" : detail);
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
