package org.kalkan.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.PayloadTooLargeException;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.InvalidInputException.Violation;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every API error is an RFC 9457 problem: a clear title and detail, never a stack trace. Bad input is a 400 whose
 * {@code errors} name each field or parameter ({@code where}) and what is wrong with it ({@code message}).
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final int SHOWN_VALUE = 64;

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException e) {
        return ResponseEntity.status(DomainProblems.statusOf(e)).body(DomainProblems.problemOf(e));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
            }
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DatabindException json && !json.getPath().isEmpty()) {
                String where = path(json);
                String message = firstLine(json.getOriginalMessage());
                return ResponseEntity.badRequest().body(BadRequests.problem(
                        "The request body is not valid: " + where + " " + message,
                        List.of(new Violation(where, message))));
            }
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The request body is not valid JSON of the expected shape: " + rootMessage(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : String.valueOf(ex.getPropertyName());
        String message = mismatch(name, ex);
        return ResponseEntity.badRequest().body(BadRequests.problem(message, List.of(new Violation(name, message))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = "The parameter '" + ex.getParameterName() + "' is required.";
        return ResponseEntity.badRequest().body(BadRequests.problem(message,
                List.of(new Violation(ex.getParameterName(), message))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> errors = new ArrayList<>();
        for (FieldError field : ex.getBindingResult().getFieldErrors()) {
            errors.add(new Violation(field.getField(), String.valueOf(field.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(global -> errors.add(
                new Violation(global.getObjectName(), String.valueOf(global.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(BadRequests.problem(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = String.valueOf(result.getMethodParameter().getParameterName());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String where = error instanceof FieldError field ? name + "." + field.getField() : name;
                errors.add(new Violation(where, String.valueOf(error.getDefaultMessage())));
            }
        });
        return ResponseEntity.badRequest().body(BadRequests.problem(summary(errors), errors));
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    /** "'not-an-id' is not a UUID", naming the allowed values of an enum. */
    static String mismatch(String name, TypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String value = shown(e.getValue());
        if (type == null) {
            return "The parameter '" + name + "' has a value of the wrong type: " + value + ".";
        }
        if (type.isEnum()) {
            return "The parameter '" + name + "' must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", ")) + ", not " + value + ".";
        }
        String expected = switch (type.getSimpleName()) {
            case "UUID" -> "an id (UUID)";
            case "int", "Integer", "long", "Long", "short", "Short" -> "a whole number";
            case "double", "Double", "float", "Float" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "Instant" -> "an ISO 8601 instant such as 2026-11-25T14:30:00Z";
            default -> "a " + type.getSimpleName();
        };
        return "The parameter '" + name + "' must be " + expected + ", not " + value + ".";
    }

    private static String shown(@Nullable Object value) {
        String text = String.valueOf(value).replace("\0", "\\0");
        return "'" + (text.length() > SHOWN_VALUE ? text.substring(0, SHOWN_VALUE) + "…" : text) + "'";
    }

    /** {@code label.releasableTo[0]} from Jackson's reference path. */
    private static String path(JacksonException e) {
        StringBuilder where = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                if (!where.isEmpty()) {
                    where.append('.');
                }
                where.append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                where.append('[').append(step.getIndex()).append(']');
            }
        }
        return where.isEmpty() ? "body" : where.toString();
    }

    private static String summary(List<Violation> errors) {
        return errors.isEmpty() ? "The request is not valid."
                : errors.stream().map(v -> v.where() + ": " + v.message()).collect(Collectors.joining("; "));
    }

    private static String firstLine(@Nullable String message) {
        String text = message == null ? "is not valid" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // Jackson appends source locations that echo the input; keep the first line only.
        return firstLine(message);
    }
}
