package org.kalkan.training.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.FormErrors;
import org.kalkan.shared.DomainException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Forms of the training pages post, then redirect back to their section (post/redirect/get) with the outcome: a
 * message key when done, the refusal in the user's language when refused ({@link FormErrors}: the form then keeps
 * what was typed, with the reason at the field it names), nothing stored.
 */
final class PageForms {

    private PageForms() {
    }

    static String run(String page, String section, RedirectAttributes redirect, FormErrors errors,
            Supplier<String> action) {
        try {
            String done = action.get();
            redirect.addFlashAttribute("done", done);
            redirect.addFlashAttribute("doneSection", section);
        } catch (DomainException | IllegalArgumentException e) {
            refused(redirect, section, errors.message(e));
        }
        return "redirect:" + page + "#" + section;
    }

    private static void refused(RedirectAttributes redirect, String section, @Nullable String detail) {
        redirect.addFlashAttribute("errorSection", section);
        redirect.addFlashAttribute("error", detail == null ? "refused" : detail);
    }

    /** Every value a field was posted with (the chips of fragments/pickers :: nations), comma separated. */
    static String joined(@Nullable List<String> values) {
        return values == null ? "" : String.join(",", values);
    }

    static @Nullable String blank(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    static int number(Map<String, String> form, String field) {
        try {
            return Integer.parseInt(Fields.required(form.get(field), field).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
    }
}
