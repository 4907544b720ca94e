package org.kalkan.exercise.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.ExpectedAction;
import org.kalkan.exercise.InjectKind;
import org.kalkan.exercise.NewInject;
import org.kalkan.exercise.StartCondition;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/exercises/{id}/injects}, e.g. {@code {"number":1,"at":"PT1M","kind":"REPORT",
 * "from":"KGZ border guard","to":["KGZ"],"expectedAction":"ACKNOWLEDGE_ALERT","content":{…}}}.
 */
public record InjectRequest(@Nullable Integer number, @Nullable String at, @Nullable String start,
        @Nullable Integer after, @Nullable String kind, @Nullable String from, @Nullable List<String> to,
        @Nullable String expectedAction, @Nullable String objective, @Nullable Integer contingency,
        @Nullable String deadline, @Nullable JsonNode content) {

    public NewInject toNewInject() {
        if (number == null) {
            throw new IllegalArgumentException("number is required");
        }
        if (at == null || at.isBlank()) {
            throw new IllegalArgumentException("at is required: an ISO 8601 duration from the start, e.g. PT1M");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: REPORT, ALERT, RFI, TRACK or MESSAGE");
        }
        if (content == null) {
            throw new IllegalArgumentException("content is required: the JSON of the report, alert, RFI or track");
        }
        if (from == null) {
            throw new IllegalArgumentException("from (the simulated sender) is required, at most "
                    + NewInject.MAX_TEXT + " characters");
        }
        return new NewInject(number, InjectContent.duration(at, "at"),
                start == null ? StartCondition.AT_TIME : InjectContent.enumOf(StartCondition.class, start, "start"),
                after, InjectContent.enumOf(InjectKind.class, kind, "kind"), content, from, to == null ? List.of() : to,
                expectedAction == null ? ExpectedAction.NONE
                        : InjectContent.enumOf(ExpectedAction.class, expectedAction, "expectedAction"),
                objective, contingency, deadline == null ? null : InjectContent.duration(deadline, "deadline"));
    }
}
