package org.kalkan.council.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The refusals of the Council as RFC 9457 problems. */
final class Problems {

    private Problems() {
    }

    /** A transition the record's state does not allow. */
    static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, "Not possible in this state", detail);
    }

    static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    /** Also what someone gets who may not read the record: its existence is not revealed. */
    static ErrorResponseException notFound(String what) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "There is no " + what + " you can see.");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
