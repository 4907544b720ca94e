package org.kalkan.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Calendar dates and numbers on pages in the reader's language ({@code @formats.date(d)} in templates): "1 December
 * 2026", "1 декабря 2026 г.", "2026 ж. 1 желтоқсан"; "1 200" or "1,200". Times stay DTG and ISO 8601 in UTC
 * (24-hour) whatever the language, and so do coordinates (a decimal point, never a comma).
 */
@Component("formats")
public class PageFormats {

    /** A calendar date in the reader's language; empty for none. */
    public String date(@Nullable LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
    }

    /** A whole number with the reader's grouping. */
    public String number(@Nullable Number number) {
        return number == null ? "" : NumberFormat.getIntegerInstance(locale()).format(number);
    }

    /** A decimal number with the reader's separators and exactly {@code digits} decimals. */
    public String decimal(@Nullable Number number, int digits) {
        if (number == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(number instanceof BigDecimal exact ? exact : number.doubleValue());
    }

    /** The reader's locale for formats: English pages follow British conventions (day before month). */
    public static Locale locale() {
        Locale locale = LocaleContextHolder.getLocale();
        return "en".equals(locale.getLanguage()) && locale.getCountry().isEmpty() ? Locale.UK : locale;
    }
}
