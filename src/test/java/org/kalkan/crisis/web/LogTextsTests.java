package org.kalkan.crisis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.crisis.CrisisId;
import org.kalkan.crisis.LogEntry;
import org.kalkan.crisis.LogEntryKind;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Entries the node writes in the crisis log read in the reader's language; people's own words stay as written. */
class LogTextsTests {

    private final LogTexts texts = new LogTexts(bundles());

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void systemEntriesAreTranslatedWithTheirPhasesStatusesAndCategories() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("tr"));
        assertThat(texts.text(entry(LogEntryKind.PHASE_CHANGED, "Phase ASSESSMENT → PLANNING: floods spreading")))
                .isEqualTo("Aşama Değerlendirme → Planlama: floods spreading");
        assertThat(texts.text(entry(LogEntryKind.INCIDENT_ATTACHED, "Incident attached: Dam breach (NATURAL_DISASTER, "
                + UUID.randomUUID() + ")"))).isEqualTo("Olay bağlandı: Dam breach (Doğal afet)");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("kk"));
        assertThat(texts.text(entry(LogEntryKind.TASK_UPDATED, "Task Evacuate Sabirabad: OPEN → DONE")))
                .isEqualTo("Тапсырма Evacuate Sabirabad: ашық → орындалды");
        assertThat(texts.text(entry(LogEntryKind.TASK_CREATED, "Task added: Bridge survey — nation TUR, due 051200ZDEC26")))
                .isEqualTo("Тапсырма қосылды: Bridge survey — ел TUR, мерзімі 051200ZDEC26");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("uz"));
        assertThat(texts.text(entry(LogEntryKind.SITREP_ISSUED, "SITREP 3 issued (CONFIDENTIAL // REL TO MEMBERS)")))
                .isEqualTo("SITREP 3 chiqarildi (CONFIDENTIAL // REL TO MEMBERS)");
        // Since SITREP numbers became each reader's own, the log names a SITREP by its period.
        assertThat(texts.text(entry(LogEntryKind.SITREP_ISSUED,
                "SITREP 041200ZDEC26 – 050000ZDEC26 issued (CONFIDENTIAL // REL TO MEMBERS)")))
                .isEqualTo("SITREP 041200ZDEC26 – 050000ZDEC26 chiqarildi (CONFIDENTIAL // REL TO MEMBERS)");
        assertThat(texts.text(entry(LogEntryKind.SITREP_PREPARED,
                "SITREP 041200ZDEC26 – 050000ZDEC26 prepared (draft)")))
                .doesNotContain("prepared").startsWith("SITREP 041200ZDEC26 – 050000ZDEC26 ");
    }

    @Test
    void notesUnknownTextsAndEnglishReadersGetTheTextAsWritten() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("ru"));
        assertThat(texts.text(entry(LogEntryKind.NOTE, "Phase ASSESSMENT → PLANNING")))
                .isEqualTo("Phase ASSESSMENT → PLANNING");
        assertThat(texts.text(entry(LogEntryKind.PHASE_CHANGED, "something else"))).isEqualTo("something else");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.text(entry(LogEntryKind.PHASE_CHANGED, "Phase ASSESSMENT → PLANNING")))
                .isEqualTo("Phase ASSESSMENT → PLANNING");
    }

    private static LogEntry entry(LogEntryKind kind, String text) {
        return new LogEntry(UUID.randomUUID(), 1, new CrisisId(UUID.randomUUID()), Instant.EPOCH, "cmc.director",
                kind, text, null, SecurityLabel.of(Classification.RESTRICTED, "MEMBERS"), NationCode.of("AZE"), null);
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/crisis", "i18n/incident", "i18n/council");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
