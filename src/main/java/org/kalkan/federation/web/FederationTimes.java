package org.kalkan.federation.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Dtg;
import org.springframework.stereotype.Component;

/** Times on the federation page: DTG beside ISO 8601 ({@code @federationTimes.both(t)} in the template). */
@Component("federationTimes")
public class FederationTimes {

    public String both(@Nullable Instant instant) {
        return instant == null ? "" : Dtg.of(instant) + " · " + instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
