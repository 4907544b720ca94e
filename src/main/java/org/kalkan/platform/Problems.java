package org.kalkan.platform;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems that modules throw; the web layer answers them as {@code application/problem+json}. */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, "Not found", detail);
    }

    /** A state transition or concurrent change that is refused: nothing was changed. */
    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    /** The human-readable detail of a refusal, whichever kind of exception carried it. */
    public static String detailOf(RuntimeException e) {
        if (e instanceof ErrorResponseException problem && problem.getBody().getDetail() != null) {
            return problem.getBody().getDetail();
        }
        return String.valueOf(e.getMessage());
    }

    public static ErrorResponseException of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
