package org.kalkan.interop.taxii.web;

import org.kalkan.security.LabelNotPermittedException;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal on {@code /taxii2/} is a TAXII error resource ({@code title}, {@code description},
 * {@code http_status}) of media type {@code application/taxii+json;version=2.1}, never a problem document.
 */
@RestControllerAdvice(assignableTypes = {TaxiiRootApi.class, TaxiiObjectsApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaxiiErrors {

    private static final Logger log = LoggerFactory.getLogger(TaxiiErrors.class);

    @ExceptionHandler(TaxiiException.class)
    ResponseEntity<String> taxii(TaxiiException e) {
        return error(e.status(), e.title(), e.getMessage());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<String> domain(DomainException e) {
        int status = e instanceof NotFoundException ? 404 : e instanceof ForbiddenException ? 403
                : e instanceof org.kalkan.shared.InvalidInputException ? 400 : 409;
        return error(status, e.title(), e.detail());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badRequest(IllegalArgumentException e) {
        return error(400, "Bad Request", e.getMessage());
    }

    @ExceptionHandler(LabelNotPermittedException.class)
    ResponseEntity<String> label(LabelNotPermittedException e) {
        return error(e.getStatusCode().value(), "Label not permitted", e.getBody().getDetail());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> denied(AccessDeniedException e) {
        return error(403, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e) {
        log.error("TAXII request failed", e);
        return error(500, "Internal Server Error", "The server could not process the request.");
    }

    private static ResponseEntity<String> error(int status, String title, String description) {
        return TaxiiJson.respond(HttpStatus.valueOf(status), TaxiiJson.error(status, title,
                description == null ? title : description), new HttpHeaders());
    }
}
