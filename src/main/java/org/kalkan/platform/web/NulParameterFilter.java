package org.kalkan.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose query or form parameters hold a NUL character, before anything uses them: PostgreSQL
 * cannot store or compare one, so it would fail later as an internal error. The answer is a 400 naming the
 * parameter: a problem for the API, the node's error page for a browser.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NulParameterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String parameter = parameterWithNul(request);
        if (parameter == null) {
            chain.doFilter(request, response);
            return;
        }
        String detail = "The parameter '" + printable(parameter) + "' contains a NUL character (%00).";
        BadRequests.answer(request, response, parameter, detail);
    }

    private static @Nullable String parameterWithNul(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return parameter.getKey();
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    private static String printable(String name) {
        String shown = name.replace("\0", "\\0");
        return shown.length() > 64 ? shown.substring(0, 64) + "…" : shown;
    }
}
