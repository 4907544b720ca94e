package org.kalkan.platform.web;

import java.net.URI;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The one place where a domain refusal becomes an HTTP status and an RFC 9457 problem. */
final class DomainProblems {

    private DomainProblems() {
    }

    static HttpStatus statusOf(DomainException e) {
        // Java 17: no pattern switch; the hierarchy is sealed, so this covers every kind.
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.CONFLICT; // RefusedException, VersionConflictException
    }

    static ProblemDetail problemOf(DomainException e) {
        HttpStatus status = statusOf(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.detail());
        problem.setTitle(e.title());
        problem.setType(URI.create("about:blank"));
        if (e instanceof InvalidInputException invalid) {
            problem.setProperty("errors", invalid.errors());
        }
        if (e instanceof RefusedException refused && !refused.errors().isEmpty()) {
            problem.setProperty("errors", refused.errors());
        }
        return problem;
    }
}
