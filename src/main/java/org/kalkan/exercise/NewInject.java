package org.kalkan.exercise;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An inject to add to the MSEL. {@code at} is the offset from the exercise start ({@code AT_TIME}) or the delay
 * after inject {@code afterNumber} ({@code AFTER_DELAY}); {@code content} is the JSON the corresponding API takes
 * (a report, an alert, an RFI or a track); {@code to} names training-audience nations and/or users.
 * {@code contingencyNumber} is delivered when {@code expectedAction} has not happened {@code deadline} (exercise
 * time) after this inject was delivered.
 */
public record NewInject(int number, Duration at, StartCondition startCondition, @Nullable Integer afterNumber,
        InjectKind kind, JsonNode content, String from, List<String> to, ExpectedAction expectedAction,
        @Nullable String objective, @Nullable Integer contingencyNumber, @Nullable Duration deadline) {

    public static final int MAX_TEXT = 200;

    public NewInject {
        if (number < 1 || number > 100_000) {
            throw new IllegalArgumentException("number must be between 1 and 100000, was " + number);
        }
        if (at == null || at.isNegative()) {
            throw new IllegalArgumentException("at is required: an ISO 8601 duration from the start, e.g. PT1M");
        }
        if (startCondition == null || kind == null || expectedAction == null) {
            throw new IllegalArgumentException("start condition, kind and expectedAction are required");
        }
        if ((startCondition == StartCondition.AFTER_DELAY) != (afterNumber != null)) {
            throw new IllegalArgumentException("AFTER_DELAY needs the number of the inject it follows (after), "
                    + "and only AFTER_DELAY takes one");
        }
        if (afterNumber != null && afterNumber == number) {
            throw new IllegalArgumentException("an inject cannot follow itself");
        }
        if (content == null || !content.isObject()) {
            throw new IllegalArgumentException("content must be a JSON object");
        }
        if (from == null || from.isBlank() || from.length() > MAX_TEXT) {
            throw new IllegalArgumentException("from (the simulated sender) is required, at most " + MAX_TEXT
                    + " characters");
        }
        from = from.strip();
        if (to == null || to.isEmpty() || to.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("to needs at least one training-audience nation or user");
        }
        to = to.stream().map(String::strip).distinct().toList();
        if (objective != null && (objective.isBlank() || objective.length() > 1000)) {
            objective = objective.isBlank() ? null : objective.substring(0, 1000);
        }
        if (contingencyNumber != null && deadline == null) {
            throw new IllegalArgumentException("a contingency inject needs a deadline for the expected action");
        }
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("deadline must be a positive duration");
        }
        if (contingencyNumber != null && contingencyNumber == number) {
            throw new IllegalArgumentException("an inject cannot be its own contingency");
        }
    }
}
