package org.kalkan.council.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Dtg;
import org.springframework.stereotype.Component;

/** Times on the Council's pages: ISO 8601 UTC beside the date-time group; for templates as {@code @councilTimes}. */
@Component("councilTimes")
public class CouncilTimes {

    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public String dtg(@Nullable Instant instant) {
        return instant == null ? "" : Dtg.of(instant);
    }
}
