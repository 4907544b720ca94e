package org.kalkan.exercise.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.Durations;
import org.kalkan.shared.Dtg;
import org.springframework.stereotype.Component;

/** Times for the exercise pages: DTG with ISO 8601 beside it, and exercise time as a clock ({@code T+00:20}). */
@Component("exerciseTimes")
public class ExerciseTimes {

    public String dtg(@Nullable Instant instant) {
        return instant == null ? "—" : Dtg.of(instant);
    }

    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private final Durations durations;

    ExerciseTimes(Durations durations) {
        this.durations = durations;
    }

    /** Exercise time (since start) as hours and minutes, {@code 00:20} (shown as T+00:20), never {@code PT20M}. */
    public String clock(@Nullable Duration duration) {
        return Durations.clock(duration);
    }

    /** A time taken (to acknowledge, to act) as people say it: "30 s", "4 min", "1 h 5 min". */
    public String duration(@Nullable Duration duration) {
        return durations.human(duration);
    }
}
