package org.kalkan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.DomainException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A domain refusal that escapes a page controller answers with its status (404, 403, 409, 400) and the node's
 * error page, instead of a 500. API controllers are answered earlier, as problems, by {@link ProblemDetailsAdvice}.
 */
@Configuration(proxyBeanMethods = false)
class PageRefusals implements WebMvcConfigurer {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(PageRefusals::resolve);
    }

    private static @Nullable ModelAndView resolve(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception e) {
        if (!(e instanceof DomainException refused) || response.isCommitted()) {
            return null;
        }
        try {
            response.sendError(DomainProblems.statusOf(refused).value(), refused.detail());
            return new ModelAndView();
        } catch (IOException failed) {
            return null;
        }
    }
}
