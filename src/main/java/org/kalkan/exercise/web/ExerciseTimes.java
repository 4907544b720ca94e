package org.kalkan.exercise.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Dtg;
import org.springframework.stereotype.Component;

/** Times for the exercise pages: DTG with ISO 8601 beside it, and exercise time as an ISO 8601 duration. */
@Component("exerciseTimes")
public class ExerciseTimes {

    public String dtg(@Nullable Instant instant) {
        return instant == null ? "—" : Dtg.of(instant);
    }

    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public String duration(@Nullable Duration duration) {
        return duration == null ? "—" : duration.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
