package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Durations are said as people say them, in their language; exercise time reads as a clock. */
class DurationsTests {

    private final Durations durations = new Durations(messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(durations.human(Duration.ofMinutes(15))).isEqualTo("15 min");
        assertThat(durations.human(Duration.ofHours(12))).isEqualTo("12 h");
        assertThat(durations.human(Duration.ofDays(2))).isEqualTo("2 days");
        assertThat(durations.human(Duration.ofHours(30))).isEqualTo("1 day 6 h");
        assertThat(durations.human("PT1H30M")).isEqualTo("1 h 30 min");
        assertThat(durations.human(Duration.ofSeconds(30))).isEqualTo("30 s");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("tr"));
        assertThat(durations.human(Duration.ofDays(2))).isEqualTo("2 gün");
    }

    @Test
    void exerciseTimeReadsAsAClock() {
        assertThat(Durations.clock(Duration.ofMinutes(20))).isEqualTo("00:20");
        assertThat(Durations.clock(Duration.ofMinutes(26 * 60 + 5))).isEqualTo("26:05");
        assertThat(Durations.clock(null)).isEqualTo("—");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/pickers");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
