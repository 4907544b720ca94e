package org.kalkan.security.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.CurrentSubject;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page that works in an exercise named by {@code ?exercise=} redirects within that exercise: after a form is
 * posted, the page it leads to must not fall back into the real world (ADR 0006). Redirects elsewhere, or that name
 * a context already, pass unchanged. A context chosen for the session needs nothing: it travels with the session.
 */
@Component
class ExerciseRedirects extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UUID exercise = request.getRequestURI().startsWith("/api/") ? null
                : exercise(request.getParameter(CurrentSubject.EXERCISE_PARAMETER));
        if (exercise == null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(inContext(location, exercise.toString()));
            }
        });
    }

    private static @Nullable UUID exercise(@Nullable String parameter) {
        try {
            return parameter == null || parameter.isBlank() ? null : UUID.fromString(parameter.strip());
        } catch (IllegalArgumentException notAnId) {
            return null; // the request itself is refused as a bad request
        }
    }

    static String inContext(String location, String exercise) {
        if (!location.startsWith("/") || location.startsWith("//") || location.startsWith("/login")
                || location.startsWith("/logout")) {
            return location;
        }
        var uri = UriComponentsBuilder.fromUriString(location);
        if (uri.build().getQueryParams().containsKey(CurrentSubject.EXERCISE_PARAMETER)) {
            return location;
        }
        return uri.queryParam(CurrentSubject.EXERCISE_PARAMETER, exercise).build().toUriString();
    }
}
