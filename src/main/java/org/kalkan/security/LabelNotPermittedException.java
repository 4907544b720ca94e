package org.kalkan.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A label that is unknown, malformed, or above the writer's clearance: answered 403/400, nothing stored. */
public class LabelNotPermittedException extends ErrorResponseException {

    public LabelNotPermittedException(HttpStatus status, String detail) {
        super(status, problem(status, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.FORBIDDEN ? "Label not permitted" : "Invalid security label");
        return problem;
    }
}
