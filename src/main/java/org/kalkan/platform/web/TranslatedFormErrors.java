package org.kalkan.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.FormErrors;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.InvalidFieldException;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.VersionConflictException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * {@link FormErrors} for pages: translates the refusal and leaves its message and field in the request, where
 * {@link KeptForms} finds them when it keeps the form.
 */
@Component("formErrors")
class TranslatedFormErrors implements FormErrors {

    /** Request attribute: the field a refusal was about (read when the form is kept). */
    static final String FIELD = FormErrors.class.getName() + ".field";
    /** Request attribute: the translated message of the refusal. */
    static final String MESSAGE = FormErrors.class.getName() + ".message";

    private final MessageSource messages;

    TranslatedFormErrors(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public String message(Throwable refusal) {
        Locale locale = LocaleContextHolder.getLocale();
        String text = translate(refusal, locale);
        String field = field(refusal);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(MESSAGE, text, RequestAttributes.SCOPE_REQUEST);
            if (field != null) {
                request.setAttribute(FIELD, field, RequestAttributes.SCOPE_REQUEST);
            }
        }
        return text;
    }

    private String translate(Throwable refusal, Locale locale) {
        if (refusal instanceof InvalidFieldException bad && !bad.messageKey().isEmpty()) {
            return Objects.requireNonNullElse(
                    messages.getMessage(bad.messageKey(), bad.arguments().toArray(), detail(refusal), locale),
                    detail(refusal));
        }
        if (refusal instanceof DomainException domain && !domain.messageKey().isEmpty()) {
            return Objects.requireNonNullElse(messages.getMessage(domain.messageKey(), null, domain.detail(), locale),
                    domain.detail());
        }
        String kind = Objects.requireNonNullElse(
                messages.getMessage("form.refused." + kind(refusal), null, "", locale), "");
        return kind.isEmpty() ? detail(refusal) : kind + " " + detail(refusal);
    }

    private static String kind(Throwable refusal) {
        if (refusal instanceof NotFoundException) {
            return "notFound";
        }
        if (refusal instanceof ForbiddenException) {
            return "forbidden";
        }
        if (refusal instanceof VersionConflictException) {
            return "stale";
        }
        if (refusal instanceof InvalidInputException || refusal instanceof IllegalArgumentException) {
            return "invalid";
        }
        return "state";
    }

    private static String detail(Throwable refusal) {
        if (refusal instanceof DomainException domain) {
            return domain.detail();
        }
        return String.valueOf(refusal.getMessage());
    }

    /** The field a refusal names, when it says so: bad input names it; a refused state or role does not. */
    static @Nullable String field(Throwable refusal) {
        if (refusal instanceof InvalidFieldException bad) {
            return bad.field();
        }
        if (refusal instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            return invalid.errors().get(0).where();
        }
        return null;
    }

    /**
     * The parameter a plain bad-input message names ({@code "sitrepEvery is not an ISO 8601 duration"}, {@code "the
     * parameter 'title' …"}), the longest name first; {@code null} when it names none of them.
     */
    static @Nullable String namedIn(@Nullable String message, List<String> parameters) {
        if (message == null) {
            return null;
        }
        return parameters.stream().filter(p -> !p.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .filter(p -> Pattern.compile("(^|[\\s'\"(.\\[])" + Pattern.quote(p) + "($|[\\s'\":),.\\]])")
                        .matcher(message).find())
                .findFirst().orElse(null);
    }
}
