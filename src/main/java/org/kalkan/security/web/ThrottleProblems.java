package org.kalkan.security.web;

import java.time.Clock;
import java.time.Duration;
import org.kalkan.security.internal.SignInThrottledException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A throttled sign-in or confirmation: 429 with {@code Retry-After}, the same whether or not the username exists. */
final class ThrottleProblems {

    private ThrottleProblems() {
    }

    static ResponseEntity<ProblemDetail> of(SignInThrottledException e, Clock clock) {
        long seconds = Math.max(1, (long) Math.ceil(Duration.between(clock.instant(), e.until()).toMillis() / 1000.0));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed attempts: try again after " + e.until() + ".");
        problem.setTitle("Too many failed attempts");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(problem);
    }
}
