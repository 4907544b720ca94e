package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Calendar dates and numbers follow the reader's language; English pages put the day first. */
class PageFormatsTests {

    private final PageFormats formats = new PageFormats();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void datesAreWrittenTheWayEachLanguageWritesThem() {
        assertThat(in("en", () -> formats.date(DAY))).isEqualTo("1 December 2026");
        assertThat(in("tr", () -> formats.date(DAY))).isEqualTo("1 Aralık 2026");
        assertThat(in("ru", () -> formats.date(DAY))).startsWith("1 декабря 2026");
        assertThat(in("az", () -> formats.date(DAY))).contains("dekabr").contains("2026");
        assertThat(in("kk", () -> formats.date(DAY))).contains("желтоқсан").contains("2026");
        assertThat(in("ky", () -> formats.date(DAY))).contains("2026");
        assertThat(in("uz", () -> formats.date(DAY))).contains("dekabr").contains("2026");
        assertThat(formats.date(null)).isEmpty();
    }

    @Test
    void numbersUseTheLanguagesSeparators() {
        assertThat(in("en", () -> formats.number(1200))).isEqualTo("1,200");
        assertThat(in("tr", () -> formats.number(1200))).isEqualTo("1.200");
        assertThat(in("ru", () -> formats.decimal(new BigDecimal("1234.5"), 2))).isEqualTo("1\u00a0234,50");
        assertThat(in("en", () -> formats.decimal(2.25, 1))).isIn("2.2", "2.3");
    }

    private static String in(String language, java.util.function.Supplier<String> format) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
        return format.get();
    }
}
