package org.kalkan.council.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.council.CouncilProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Without configuration a node gives every member a day to read a binding decision and object (an hour when the
 * chair records an urgency); tests and the demo configure shorter minimums explicitly, never below zero or above
 * the longest silence.
 */
class CouncilDefaultsTests {

    @Test
    void aDecisionBindsAfterADayOfSilenceOrAnHourWhenUrgent() {
        CouncilProperties defaults = bind(Map.of());
        assertThat(defaults.minSilence()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.minUrgentSilence()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.maxSilence()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void theMinimumsAreConfiguredConsistently() {
        assertThat(bind(Map.of("kalkan.council.min-silence", "PT15S", "kalkan.council.min-urgent-silence", "PT5S"))
                .minSilence()).isEqualTo(Duration.ofSeconds(15));
        assertThatThrownBy(() -> bind(Map.of("kalkan.council.min-silence", "PT10M",
                "kalkan.council.min-urgent-silence", "PT1H"))).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bind(Map.of("kalkan.council.min-urgent-silence", "PT0S")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    private static CouncilProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("kalkan.council", CouncilProperties.class);
    }
}
