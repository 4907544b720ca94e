package org.kalkan.crisis.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kalkan.crisis.LogEntry;
import org.kalkan.crisis.LogEntryKind;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The crisis log in the reader's language ({@code @crisisLogTexts.text(entry)}): the log is append-only and keeps what
 * the node wrote, in English, as the record; entries the node wrote itself (crisis opened, phase changed, task
 * added, …) are shown through the bundles, with their phases, statuses and categories translated too. People's own
 * notes and corrections, and any text this class does not recognise, are shown as written.
 */
@Component("crisisLogTexts")
class LogTexts {

    private static final String DTG = "(\\d{6}Z[A-Z]{3}\\d{2})";

    /** One kind of system entry: the English the node writes and the key that says it in other languages. */
    private record Form(LogEntryKind kind, Pattern english, String key, List<Function<String, String>> arguments) {
    }

    private final MessageSource messages;
    private final List<Form> forms = new ArrayList<>();

    LogTexts(MessageSource messages) {
        this.messages = messages;
        Function<String, String> asIs = s -> s;
        Function<String, String> phase = s -> key("crisis.phase." + s, s);
        Function<String, String> category = s -> key("incident.category." + s, s);
        Function<String, String> taskStatus = s -> key("crisis.task.status." + s, s);
        Function<String, String> incidentStatus = s -> key("incident.status." + s, s);
        Function<String, String> level = s -> key("alert.level." + s, s);
        Function<String, String> outcome = s -> key("council.status." + s, s);
        Function<String, String> owner = s -> {
            int space = s.indexOf(' ');
            return space < 0 ? s : key("crisis.owner." + s.substring(0, space).toUpperCase(Locale.ROOT), s)
                    + s.substring(space);
        };
        form(LogEntryKind.CRISIS_OPENED, "Crisis opened: (.*) \\(([^()]*)\\); team (.*)", "opened", asIs, asIs, asIs);
        // The incident's id is left out: a person names it by its title.
        form(LogEntryKind.INCIDENT_ATTACHED, "Incident attached: (.*) \\(([A-Z_]+), [0-9a-f-]{36}\\)", "attached",
                asIs, category);
        form(LogEntryKind.INCIDENT_UPDATED, "Incident (.*): (.*) \\(now ([A-Z]+)\\)(?:, merged into \\S+)?",
                "incidentUpdated", asIs, asIs, incidentStatus);
        form(LogEntryKind.PHASE_CHANGED, "Phase ([A-Z_]+) → ([A-Z_]+): (.*)", "phaseWhy", phase, phase, asIs);
        form(LogEntryKind.PHASE_CHANGED, "Phase ([A-Z_]+) → ([A-Z_]+)", "phase", phase, phase);
        form(LogEntryKind.TEAM_CHANGED, "Joined the team: (.*)", "team", asIs);
        form(LogEntryKind.TASK_CREATED, "Task added: (.*) — (.*), due " + DTG, "taskAdded", asIs, owner, asIs);
        form(LogEntryKind.TASK_UPDATED, "Task (.*): ([A-Z_]+) → ([A-Z_]+) due " + DTG, "taskUpdatedDue", asIs,
                taskStatus, taskStatus, asIs);
        form(LogEntryKind.TASK_UPDATED, "Task (.*): ([A-Z_]+) → ([A-Z_]+)", "taskUpdated", asIs, taskStatus,
                taskStatus);
        form(LogEntryKind.TASK_UPDATED, "Task (.*):  ?due " + DTG, "taskDue", asIs, asIs);
        form(LogEntryKind.TASK_OVERDUE, "Task overdue: (.*) — (.*), was due " + DTG, "taskOverdue", asIs, owner,
                asIs);
        form(LogEntryKind.RFI_CREATED, "RFI to (.*?), deadline " + DTG + ": (.*)", "rfiSent", asIs, asIs, asIs);
        form(LogEntryKind.RFI_ANSWERED, "RFI answered by ([A-Z]{3}) \\(([^()]*)\\): (.*)", "rfiAnswered", asIs, asIs,
                asIs);
        form(LogEntryKind.RFI_CLOSED, "RFI closed: (.*)", "rfiClosed", asIs);
        form(LogEntryKind.RFI_OVERDUE, "RFI overdue \\(deadline " + DTG + ", (\\d+) answers\\): (.*)", "rfiOverdue",
                asIs, asIs, asIs);
        form(LogEntryKind.SITREP_PREPARED, "SITREP (.+?) prepared \\(draft\\)", "sitrepPrepared", asIs);
        form(LogEntryKind.SITREP_ISSUED, "SITREP (.+?) issued \\(([^()]*)\\)", "sitrepIssued", asIs, asIs);
        form(LogEntryKind.DECISION_ADOPTED, "Council decision (\\S+) ([A-Z_]+): (.*)", "decision", asIs, outcome,
                asIs);
        form(LogEntryKind.MEASURE_ACTIVATED, "Crisis response team activated under Council decision (\\S+)",
                "teamActivated", asIs);
        form(LogEntryKind.MEASURE_ACTIVATED, "Alert level of (.*) set to ([A-Z]+) under Council decision (\\S+)",
                "levelSet", asIs, level, asIs);
        form(LogEntryKind.MEASURE_ACTIVATED, "EXERCISE: alert level of (.*) to ([A-Z]+) under Council decision "
                + "(\\S+) \\(exercise play; real-world alert levels unchanged\\)", "levelExercise", asIs, level, asIs);
        form(LogEntryKind.MEASURE_ACTIVATED, "Alert level of (.*) NOT changed under Council decision (\\S+): the "
                + "decision is not releasable to every member state", "levelRefused", asIs, asIs);
        // The alert's id is left out here too.
        form(LogEntryKind.ALERT_ESCALATED, "Alert \\S+ not acknowledged by (\\S+) \\(([A-Z]{3})\\) by " + DTG
                + "; escalated to ([A-Z]{3})'s points of contact and the watch officers", "escalated", asIs, asIs,
                asIs, asIs);
    }

    @SafeVarargs
    private void form(LogEntryKind kind, String english, String key, Function<String, String>... arguments) {
        forms.add(new Form(kind, Pattern.compile(english, Pattern.DOTALL), "crisis.log.text." + key,
                List.of(arguments)));
    }

    /** The entry's text for the reader: translated when the node wrote it and it is not in English. */
    public String text(LogEntry entry) {
        if (entry.kind() == LogEntryKind.NOTE || entry.kind() == LogEntryKind.CORRECTION
                || "en".equals(LocaleContextHolder.getLocale().getLanguage())) {
            return entry.text();
        }
        for (Form form : forms) {
            if (form.kind() != entry.kind()) {
                continue;
            }
            Matcher matcher = form.english().matcher(entry.text());
            if (matcher.matches()) {
                Object[] arguments = new Object[form.arguments().size()];
                for (int i = 0; i < arguments.length; i++) {
                    String group = matcher.group(i + 1);
                    arguments[i] = form.arguments().get(i).apply(group == null ? "" : group);
                }
                String translated = messages.getMessage(form.key(), arguments, entry.text(),
                        LocaleContextHolder.getLocale());
                return translated == null ? entry.text() : translated;
            }
        }
        return entry.text();
    }

    private String key(String key, String fallback) {
        String text = messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
        return text == null ? fallback : text;
    }
}
