package org.kalkan.training.web;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.training.Qualification;
import org.kalkan.training.ReadinessState;
import org.springframework.stereotype.Component;

/** Helpers for the training templates ({@code @trainingViews}): colours of states, quotas as text. */
@Component("trainingViews")
class TrainingPageViews {

    /** CSS class of a readiness state: green, yellow (expiring), amber (degraded), red. */
    public String readiness(ReadinessState state) {
        return switch (state) {
            case READY -> "ready-green";
            case EXPIRING -> "ready-yellow";
            case DEGRADED -> "ready-amber";
            case NOT_CERTIFIED -> "ready-red";
        };
    }

    public String qualification(Qualification q, LocalDate today) {
        return "qualification-" + q.stateOn(today).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public String quotas(Map<String, Integer> quotas) {
        if (quotas.isEmpty()) {
            return "—";
        }
        StringBuilder text = new StringBuilder();
        quotas.forEach((nation, seats) -> text.append(text.isEmpty() ? "" : ", ").append(nation).append(' ')
                .append(seats));
        return text.toString();
    }

    public String orDash(@Nullable Object value) {
        return value == null ? "—" : value.toString();
    }
}
