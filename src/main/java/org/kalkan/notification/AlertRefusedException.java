package org.kalkan.notification;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refused alert operation, answered as a problem (404, 403 or 409); nothing was changed. */
public class AlertRefusedException extends ErrorResponseException {

    /** Which refusal, so pages can show it in the user's language. */
    public enum Reason {
        NOT_FOUND(HttpStatus.NOT_FOUND, "Alert not found"),
        NOT_PERMITTED(HttpStatus.FORBIDDEN, "Not permitted"),
        ALREADY_ACKNOWLEDGED(HttpStatus.CONFLICT, "Already acknowledged"),
        DEADLINE_PASSED(HttpStatus.CONFLICT, "Acknowledgement deadline passed");

        private final HttpStatus status;
        private final String title;

        Reason(HttpStatus status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Reason reason;

    public AlertRefusedException(Reason reason, String detail) {
        super(reason.status, problem(reason, detail), null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static ProblemDetail problem(Reason reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(reason.status, detail);
        problem.setTitle(reason.title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
