package org.kalkan.interop.cot;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.SecurityLabel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Each user's default label for CoT sent without one: read and set by the user, or any user's by administrators. */
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

    private final DefaultLabels labels;
    private final CurrentSubject subject;

    DefaultLabelApi(DefaultLabels labels, CurrentSubject subject) {
        this.labels = labels;
        this.subject = subject;
    }

    @GetMapping("/api/v1/cot/users/{username}/default-label")
    @Operation(summary = "The label given to CoT the user sends without one (yourself, or any user as ADMIN)")
    LabelAnswer get(@PathVariable String username) {
        return LabelAnswer.of(username, labels.get(subject.get(), username));
    }

    @PutMapping("/api/v1/cot/users/{username}/default-label")
    @Operation(summary = "Set the label given to CoT the user sends without one (yourself, or any user as ADMIN)")
    LabelAnswer set(@PathVariable String username, @RequestBody LabelBody body) {
        return LabelAnswer.of(username, labels.set(subject.get(), username, body.classification(),
                body.releasableTo()));
    }
}
