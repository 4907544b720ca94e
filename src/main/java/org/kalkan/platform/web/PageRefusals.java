package org.kalkan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.UnstorableText;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.InvalidInputException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refusals that escape a page controller answer with their status and the node's error page, never a 500: a domain
 * refusal with its status (404, 403, 409, 400), bad input ({@link IllegalArgumentException}, a path or query value
 * of the wrong type, a missing parameter) with a 400 naming the parameter. API controllers are answered earlier, as
 * problems, by {@link ProblemDetailsAdvice}. For pages and the API alike, text that PostgreSQL refuses to store (a
 * NUL character that got past the input checks) is a 400, not an internal error.
 */
@Configuration(proxyBeanMethods = false)
class PageRefusals implements WebMvcConfigurer {

    private final UnstorableText unstorable;

    PageRefusals(UnstorableText unstorable) {
        this.unstorable = unstorable;
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, this::early);
        resolvers.add(PageRefusals::resolve);
    }

    /** Before Spring's own resolvers, which would answer these without naming the parameter (or as a 500). */
    private @Nullable ModelAndView early(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception e) {
        if (response.isCommitted()) {
            return null;
        }
        try {
            if (unstorable.causedBy(e)) {
                BadRequests.answer(request, response, "body",
                        "The request contains text that cannot be stored (a NUL character).");
                return new ModelAndView();
            }
            if (isPage(handler) && e instanceof TypeMismatchException mismatch) {
                String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                        : String.valueOf(mismatch.getPropertyName());
                BadRequests.answer(request, response, name, ProblemDetailsAdvice.mismatch(name, mismatch));
                return new ModelAndView();
            }
            if (isPage(handler) && e instanceof MissingServletRequestParameterException missing) {
                BadRequests.answer(request, response, missing.getParameterName(),
                        "The parameter '" + missing.getParameterName() + "' is required.");
                return new ModelAndView();
            }
        } catch (IOException failed) {
            return null;
        }
        return null;
    }

    /** After Spring's own resolvers: what is left of a page controller's refusals. */
    private static @Nullable ModelAndView resolve(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception e) {
        if (response.isCommitted()) {
            return null;
        }
        try {
            if (e instanceof DomainException refused) {
                String detail = pageDetail(refused);
                request.setAttribute(BadRequests.DETAIL, detail);
                response.sendError(DomainProblems.statusOf(refused).value(), detail);
                return new ModelAndView();
            }
            if (e instanceof IllegalArgumentException bad && isPage(handler)) {
                request.setAttribute(BadRequests.DETAIL, String.valueOf(bad.getMessage()));
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, bad.getMessage());
                return new ModelAndView();
            }
        } catch (IOException failed) {
            return null;
        }
        return null;
    }

    /** A page has no problem body to list violations in, so its one line of detail names each of them. */
    private static String pageDetail(DomainException refused) {
        if (refused instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
            return invalid.detail() + ": " + invalid.errors().stream()
                    .map(v -> v.where() + ": " + v.message()).collect(Collectors.joining("; "));
        }
        return refused.detail();
    }

    /** A page controller's handler: not a REST controller and not answering a body. */
    private static boolean isPage(@Nullable Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return false;
        }
        return !method.getBeanType().isAnnotationPresent(RestController.class)
                && !method.getBeanType().isAnnotationPresent(ResponseBody.class)
                && !method.hasMethodAnnotation(ResponseBody.class);
    }
}
