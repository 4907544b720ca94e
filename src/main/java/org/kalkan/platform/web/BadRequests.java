package org.kalkan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kalkan.shared.InvalidInputException.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * 400 answers given outside a controller (filters, exception resolvers): an RFC 9457 problem with {@code errors}
 * for the API, the node's error page with the detail for a browser.
 */
final class BadRequests {

    /** Request attribute: a detail safe to show on the error page (it names the caller's own input only). */
    static final String DETAIL = BadRequests.class.getName() + ".detail";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BadRequests() {
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/ogc") || path.startsWith("/actuator");
    }

    static ProblemDetail problem(String detail, List<Violation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", errors);
        return problem;
    }

    static void answer(HttpServletRequest request, HttpServletResponse response, String where, String detail)
            throws IOException {
        if (isApi(request)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Invalid request");
            problem.put("status", HttpStatus.BAD_REQUEST.value());
            problem.put("detail", detail);
            problem.put("errors", List.of(new Violation(where, detail)));
            response.getWriter().write(JSON.writeValueAsString(problem));
        } else {
            request.setAttribute(DETAIL, detail);
            response.sendError(HttpStatus.BAD_REQUEST.value(), detail);
        }
    }
}
