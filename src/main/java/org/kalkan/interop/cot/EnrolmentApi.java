package org.kalkan.interop.cot;

import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.CurrentSubject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** TAK client enrolment: the caller's certificate signing request becomes a client certificate for the caller. */
@RestController
class EnrolmentApi {

    record EnrolmentRequest(@Nullable String csr) {
    }

    record EnrolmentResponse(String serial, String certificate, String caCertificate) {
    }

    private final Enrolments enrolments;
    private final CurrentSubject subject;

    EnrolmentApi(Enrolments enrolments, CurrentSubject subject) {
        this.enrolments = enrolments;
        this.subject = subject;
    }

    @PostMapping("/api/v1/cot/enrollments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enrol a TAK client: sign a PEM CSR for the calling user")
    EnrolmentResponse enrol(@RequestBody EnrolmentRequest request) {
        var enrolment = enrolments.enrol(subject.get(), request.csr() == null ? "" : request.csr());
        return new EnrolmentResponse(enrolment.serial(), enrolment.certificate(), enrolment.caCertificate());
    }
}
