package org.kalkan.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Durations as people say them ({@code @durations.human(d)} in templates): "15 min", "12 h", "2 days", "1 h 30 min",
 * in the user's language; and exercise time as a clock, {@code T+00:20}. ISO 8601 stays in the API.
 */
@Component("durations")
public class Durations {

    private final MessageSource messages;

    Durations(MessageSource messages) {
        this.messages = messages;
    }

    public String human(@Nullable Duration duration) {
        if (duration == null) {
            return "—";
        }
        long minutes = Math.abs(duration.toMinutes());
        if (minutes == 0) {
            return Math.abs(duration.toSeconds()) + " s";
        }
        List<String> parts = new ArrayList<>();
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long rest = minutes % 60;
        if (days > 0) {
            parts.add(days + " " + text(days == 1 ? "picker.duration.day" : "picker.duration.days"));
        }
        if (hours > 0) {
            parts.add(hours + " " + text("picker.duration.hours"));
        }
        if (rest > 0) {
            parts.add(rest + " " + text("picker.duration.minutes"));
        }
        return (duration.isNegative() ? "−" : "") + String.join(" ", parts);
    }

    /** An ISO 8601 duration as the API gives it ({@code PT15M}), said as people say it; kept as it is if not one. */
    public String human(@Nullable String iso) {
        if (iso == null || iso.isBlank()) {
            return "—";
        }
        try {
            return human(Duration.parse(iso.strip()));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** A calendar period as people say it: "2 years", "6 months", "1 year 6 months" ({@code P2Y} stays in the API). */
    public String period(java.time.@Nullable Period period) {
        if (period == null) {
            return "—";
        }
        java.time.Period p = period.normalized();
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(p.getYears() + " " + text(Math.abs(p.getYears()) == 1 ? "picker.period.year" : "picker.period.years"));
        }
        if (p.getMonths() != 0) {
            parts.add(p.getMonths() + " "
                    + text(Math.abs(p.getMonths()) == 1 ? "picker.period.month" : "picker.period.months"));
        }
        if (p.getDays() != 0 || parts.isEmpty()) {
            parts.add(p.getDays() + " " + text(Math.abs(p.getDays()) == 1 ? "picker.duration.day" : "picker.duration.days"));
        }
        return String.join(" ", parts);
    }

    /** Elapsed exercise time as hours and minutes, {@code 00:20}, {@code 26:05} (prefix it with T+). */
    public static String clock(@Nullable Duration duration) {
        if (duration == null) {
            return "—";
        }
        long minutes = Math.abs(duration.toMinutes());
        return (duration.isNegative() ? "−" : "") + String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    private String text(String key) {
        String text = messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
        return text == null ? key : text;
    }
}
