package org.kalkan.interop.cot;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.UserDirectory;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Each user's default label for CoT sent without one: read by anyone for themselves, set by administrators. */
@RestController
class DefaultLabelApi {

    record LabelBody(@Nullable String classification, @Nullable List<String> releasableTo) {
    }

    record LabelAnswer(String username, String classification, List<String> releasableTo, String marking) {

        static LabelAnswer of(String username, SecurityLabel label) {
            return new LabelAnswer(username, label.classification().name(), List.copyOf(label.releasableTo()),
                    label.marking());
        }
    }

    private final CotUserLabels labels;
    private final UserDirectory users;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final CurrentSubject subject;

    DefaultLabelApi(CotUserLabels labels, UserDirectory users, AccessPolicy policy, AuditTrail audit,
            CurrentSubject subject) {
        this.labels = labels;
        this.users = users;
        this.policy = policy;
        this.audit = audit;
        this.subject = subject;
    }

    @GetMapping("/api/v1/cot/users/{username}/default-label")
    @Operation(summary = "The label given to CoT the user sends without one (yourself, or any user as ADMIN)")
    LabelAnswer get(@PathVariable String username) {
        var caller = subject.get();
        if (!caller.username().equals(username) && !caller.has(Role.ADMIN)) {
            throw problem(HttpStatus.FORBIDDEN, "Only administrators read other users' default labels.");
        }
        return LabelAnswer.of(username, labels.defaultLabel(username));
    }

    @PutMapping("/api/v1/cot/users/{username}/default-label")
    @Operation(summary = "Set the label given to CoT the user sends without one (ADMIN)")
    @Transactional
    LabelAnswer set(@PathVariable String username, @RequestBody LabelBody body) {
        var caller = subject.get();
        if (!caller.has(Role.ADMIN)) {
            audit.recordDenial(caller.username(), "COT_DEFAULT_LABEL", username, "not an administrator");
            throw problem(HttpStatus.FORBIDDEN, "Only administrators set default labels.");
        }
        var user = users.find(username)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No user " + username));
        var classification = Classification.parse(body.classification() == null ? "" : body.classification())
                .orElseThrow(() -> new IllegalArgumentException("classification must be one of UNCLASSIFIED, "
                        + "RESTRICTED, CONFIDENTIAL, SECRET"));
        if (body.releasableTo() == null || body.releasableTo().isEmpty()) {
            throw new IllegalArgumentException("releasableTo needs at least one nation or community");
        }
        SecurityLabel label = SecurityLabel.of(classification, body.releasableTo());
        // the label must be one the user could write: known entries, within the user's clearance
        policy.checkWritable(user.subject(), label);
        labels.set(username, label);
        audit.record(caller.username(), "COT_DEFAULT_LABEL", username, label.marking());
        return LabelAnswer.of(username, label);
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
