package org.kalkan.industry.web;

import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.Dependency;
import org.kalkan.industry.Milestone;
import org.kalkan.industry.MilestoneKind;
import org.kalkan.industry.NewMilestone;
import org.kalkan.industry.NewWorkPackage;
import org.kalkan.industry.Programme;
import org.kalkan.industry.ProgressReport;
import org.kalkan.industry.Schedule;
import org.kalkan.industry.ScheduleImport;
import org.kalkan.industry.ScheduledPackage;
import org.kalkan.industry.WorkPackage;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.InvalidInputException.Violation;

/**
 * Microsoft Project XML (MSPDI) for a programme's schedule. Export: one task per work package (WBS = code, Text1
 * "Nation", Text2 "Control entry", cost and actual cost in cents, percent complete, start-no-earlier-than the planned
 * start, total slack and criticality from the critical path method) and one milestone task per milestone, all on a
 * 24-hour, 7-day calendar so that calendar days survive the round trip; finish-to-start links with their lag in
 * elapsed days. Import reads the same (and files from other tools: a finish after midnight is the end of that day),
 * with DTDs and external entities off.
 */
final class Mspdi {

    static final String NAMESPACE = "http://schemas.microsoft.com/project";
    static final int NATION_FIELD = 188743731; // Task Text1
    static final int CONTROL_ENTRY_FIELD = 188743734; // Task Text2
    static final int KIND_FIELD = 188743737; // Task Text3: MILESTONE or DELIVERY
    private static final int ELAPSED_DAYS = 8;
    private static final long TENTHS_OF_MINUTES_PER_DAY = 14_400;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private Mspdi() {
    }

    static String write(Programme programme, List<WorkPackage> packages, List<Milestone> milestones,
            Schedule schedule) {
        Map<String, Integer> uids = new HashMap<>();
        for (int i = 0; i < packages.size(); i++) {
            uids.put(packages.get(i).code(), i + 1);
        }
        Map<String, ScheduledPackage> timings = new HashMap<>();
        schedule.packages().forEach(p -> timings.put(p.code(), p));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Project");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "SaveVersion", "14");
            text(xml, "Name", programme.name() + ".xml");
            text(xml, "Title", programme.name());
            text(xml, "ScheduleFromStart", "1");
            if (!packages.isEmpty()) {
                text(xml, "StartDate", dateTime(schedule.start()));
                text(xml, "FinishDate", dateTime(schedule.finish()));
            }
            text(xml, "CurrencyCode", programme.currency());
            text(xml, "CalendarUID", "1");
            text(xml, "MinutesPerDay", "1440");
            text(xml, "MinutesPerWeek", "10080");
            text(xml, "DaysPerMonth", "30");
            xml.writeStartElement("ExtendedAttributes");
            attribute(xml, NATION_FIELD, "Text1", "Nation");
            attribute(xml, CONTROL_ENTRY_FIELD, "Text2", "Control entry");
            attribute(xml, KIND_FIELD, "Text3", "Kind");
            xml.writeEndElement();
            calendar(xml);
            xml.writeStartElement("Tasks");
            int id = 1;
            for (WorkPackage p : packages) {
                ScheduledPackage timing = timings.get(p.code());
                xml.writeStartElement("Task");
                int uid = Objects.requireNonNull(uids.get(p.code()), "every package has a UID");
                text(xml, "UID", Integer.toString(uid));
                text(xml, "ID", Integer.toString(id++));
                text(xml, "Name", p.title());
                text(xml, "Type", "1"); // fixed duration
                text(xml, "IsNull", "0");
                text(xml, "WBS", p.code());
                text(xml, "OutlineNumber", Integer.toString(uid));
                text(xml, "OutlineLevel", "1");
                text(xml, "Start", dateTime(p.plannedStart()));
                text(xml, "Finish", dateTime(p.plannedFinish()));
                long days = ChronoUnit.DAYS.between(p.plannedStart(), p.plannedFinish());
                text(xml, "Duration", "PT" + days * 24 + "H0M0S");
                text(xml, "DurationFormat", Integer.toString(ELAPSED_DAYS));
                text(xml, "Milestone", "0");
                text(xml, "Summary", "0");
                text(xml, "Critical", timing != null && timing.critical() ? "1" : "0");
                text(xml, "TotalSlack", Long.toString((timing == null ? 0 : timing.totalFloatDays())
                        * TENTHS_OF_MINUTES_PER_DAY));
                ProgressReport latest = p.progress().isEmpty() ? null : p.progress().get(p.progress().size() - 1);
                text(xml, "PercentComplete", latest == null ? "0"
                        : latest.percentComplete().setScale(0, java.math.RoundingMode.DOWN).toPlainString());
                text(xml, "Cost", cents(p.budget()));
                text(xml, "ActualCost", latest == null ? "0" : cents(latest.actualCost()));
                text(xml, "ConstraintType", "4"); // start no earlier than
                text(xml, "ConstraintDate", dateTime(p.plannedStart()));
                for (Dependency link : p.dependsOn()) {
                    // A programme's dependencies name its own packages (checked when they are stored).
                    link(xml, Objects.requireNonNull(uids.get(link.code()), "a dependency on an unknown package"),
                            link.lagDays());
                }
                value(xml, NATION_FIELD, p.nation());
                if (p.controlEntry() != null) {
                    value(xml, CONTROL_ENTRY_FIELD, p.controlEntry());
                }
                xml.writeEndElement();
            }
            int uid = packages.size() + 1;
            for (Milestone m : milestones) {
                xml.writeStartElement("Task");
                text(xml, "UID", Integer.toString(uid));
                text(xml, "ID", Integer.toString(id++));
                text(xml, "Name", m.name());
                text(xml, "Type", "1");
                text(xml, "IsNull", "0");
                text(xml, "WBS", "M" + (uid - packages.size()));
                text(xml, "OutlineNumber", Integer.toString(uid++));
                text(xml, "OutlineLevel", "1");
                text(xml, "Start", dateTime(m.due()));
                text(xml, "Finish", dateTime(m.due()));
                text(xml, "Duration", "PT0H0M0S");
                text(xml, "DurationFormat", Integer.toString(ELAPSED_DAYS));
                text(xml, "Milestone", "1");
                text(xml, "Summary", "0");
                text(xml, "PercentComplete", m.status() == org.kalkan.industry.Acceptance.ACCEPTED ? "100" : "0");
                if (m.workPackage() != null && uids.containsKey(m.workPackage())) {
                    link(xml, uids.get(m.workPackage()), 0);
                }
                value(xml, KIND_FIELD, m.kind().name());
                xml.writeEndElement();
            }
            xml.writeEndElement(); // Tasks
            xml.writeEndElement(); // Project
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write MSPDI", e);
        }
        return out.toString();
    }

    private static void calendar(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("Calendars");
        xml.writeStartElement("Calendar");
        text(xml, "UID", "1");
        text(xml, "Name", "Calendar days (24 x 7)");
        text(xml, "IsBaseCalendar", "1");
        xml.writeStartElement("WeekDays");
        for (int day = 1; day <= 7; day++) {
            xml.writeStartElement("WeekDay");
            text(xml, "DayType", Integer.toString(day));
            text(xml, "DayWorking", "1");
            xml.writeStartElement("WorkingTimes");
            xml.writeStartElement("WorkingTime");
            text(xml, "FromTime", "00:00:00");
            text(xml, "ToTime", "00:00:00");
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void attribute(XMLStreamWriter xml, int field, String name, String alias)
            throws XMLStreamException {
        xml.writeStartElement("ExtendedAttribute");
        text(xml, "FieldID", Integer.toString(field));
        text(xml, "FieldName", name);
        text(xml, "Alias", alias);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, int predecessor, int lagDays) throws XMLStreamException {
        xml.writeStartElement("PredecessorLink");
        text(xml, "PredecessorUID", Integer.toString(predecessor));
        text(xml, "Type", "1"); // finish-to-start
        text(xml, "CrossProject", "0");
        text(xml, "LinkLag", Long.toString(lagDays * TENTHS_OF_MINUTES_PER_DAY));
        text(xml, "LagFormat", Integer.toString(ELAPSED_DAYS));
        xml.writeEndElement();
    }

    private static void value(XMLStreamWriter xml, int field, String value) throws XMLStreamException {
        xml.writeStartElement("ExtendedAttribute");
        text(xml, "FieldID", Integer.toString(field));
        text(xml, "Value", value);
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static String dateTime(LocalDate date) {
        return date.atStartOfDay().toString() + ":00";
    }

    private static String cents(BigDecimal money) {
        return money.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    // --- import ---

    /** One task as read, before it becomes a package or a milestone. */
    private static final class Task {
        final Map<String, String> fields = new HashMap<>();
        final List<String[]> links = new ArrayList<>(); // {uid, type, lag, format}
        final Map<String, String> attributes = new HashMap<>(); // field id -> value
    }

    static ScheduleImport read(InputStream in, String defaultNation) {
        Map<String, String> aliases = new HashMap<>(); // field id -> alias
        List<Task> tasks = new ArrayList<>();
        long minutesPerDay = 480;
        try {
            XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            List<String> path = new ArrayList<>();
            Task task = null;
            Map<String, String> group = null;
            StringBuilder chars = new StringBuilder();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    path.add(name);
                    chars.setLength(0);
                    if (name.equals("Task") && parent(path, "Tasks")) {
                        task = new Task();
                    } else if (name.equals("PredecessorLink") || name.equals("ExtendedAttribute")) {
                        group = new HashMap<>();
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    chars.append(xml.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    String value = chars.toString().strip();
                    path.remove(path.size() - 1);
                    String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
                    if (group != null && (parent.equals("PredecessorLink") || parent.equals("ExtendedAttribute"))) {
                        group.put(name, value);
                    } else if (name.equals("PredecessorLink") && task != null && group != null) {
                        task.links.add(new String[] {group.get("PredecessorUID"), group.getOrDefault("Type", "1"),
                                group.getOrDefault("LinkLag", "0"), group.getOrDefault("LagFormat", "7")});
                        group = null;
                    } else if (name.equals("ExtendedAttribute") && group != null) {
                        if (task != null && parent.equals("Task")) {
                            task.attributes.put(group.get("FieldID"), group.getOrDefault("Value", ""));
                        } else if (parent.equals("ExtendedAttributes") && group.get("FieldID") != null) {
                            aliases.put(group.get("FieldID"), group.getOrDefault("Alias",
                                    group.getOrDefault("FieldName", "")));
                        }
                        group = null;
                    } else if (name.equals("Task") && task != null) {
                        tasks.add(task);
                        task = null;
                    } else if (task != null && parent.equals("Task")) {
                        task.fields.put(name, value);
                    } else if (name.equals("MinutesPerDay") && parent.equals("Project") && value.matches("\\d{1,5}")) {
                        minutesPerDay = Math.max(1, Long.parseLong(value));
                    }
                    chars.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not a well-formed MSPDI document: " + e.getMessage());
        }
        return toImport(tasks, aliases, minutesPerDay, defaultNation);
    }

    private static boolean parent(List<String> path, String name) {
        return path.size() >= 2 && path.get(path.size() - 2).equals(name);
    }

    private static ScheduleImport toImport(List<Task> tasks, Map<String, String> aliases, long minutesPerDay,
            String defaultNation) {
        String nationField = field(aliases, "Nation", NATION_FIELD);
        String entryField = field(aliases, "Control entry", CONTROL_ENTRY_FIELD);
        String kindField = field(aliases, "Kind", KIND_FIELD);
        List<Violation> violations = new ArrayList<>();
        Map<String, String> codes = new LinkedHashMap<>(); // uid -> code
        List<Task> packages = new ArrayList<>();
        List<Task> milestones = new ArrayList<>();
        for (Task t : tasks) {
            String uid = t.fields.getOrDefault("UID", "");
            if (uid.equals("0") || "1".equals(t.fields.get("Summary")) || "1".equals(t.fields.get("IsNull"))) {
                continue;
            }
            if ("1".equals(t.fields.get("Milestone"))) {
                milestones.add(t);
                continue;
            }
            String wbs = t.fields.getOrDefault("WBS", "");
            codes.put(uid, CODE.matcher(wbs).matches() ? wbs : "T" + t.fields.getOrDefault("ID", uid));
            packages.add(t);
        }
        List<NewWorkPackage> result = new ArrayList<>();
        for (Task t : packages) {
            String uid = t.fields.getOrDefault("UID", "");
            String code = Objects.requireNonNull(codes.get(uid), "every package was given a code above");
            String where = "task " + code;
            LocalDate start = date(t.fields.get("Start"), false, where + " Start", violations);
            LocalDate finish = date(t.fields.get("Finish"), true, where + " Finish", violations);
            BigDecimal cost = null;
            try {
                cost = new BigDecimal(t.fields.getOrDefault("Cost", "0")).movePointLeft(2);
            } catch (NumberFormatException e) {
                violations.add(new Violation(where + " Cost", "is not a number"));
            }
            if (cost != null && cost.signum() <= 0) {
                violations.add(new Violation(where + " Cost", "a work package needs a positive cost (its budget)"));
            }
            List<Dependency> links = new ArrayList<>();
            for (String[] link : t.links) {
                if (!"1".equals(link[1])) {
                    violations.add(new Violation(where, "only finish-to-start links are supported (type " + link[1]
                            + ")"));
                } else if (!codes.containsKey(link[0])) {
                    violations.add(new Violation(where, "links to task UID " + link[0] + ", which is not a work package"));
                } else {
                    links.add(new Dependency(codes.get(link[0]), lagDays(link[2], link[3], minutesPerDay, where,
                            violations)));
                }
            }
            String nationText = t.attributes.getOrDefault(nationField, "");
            String nation = nationText.isBlank() ? defaultNation : nationText.strip();
            String entryText = t.attributes.getOrDefault(entryField, "");
            String entry = entryText.isBlank() ? null : entryText.strip();
            if (start != null && finish != null && cost != null) {
                result.add(new NewWorkPackage(code, t.fields.getOrDefault("Name", code), nation, null, cost, start,
                        finish, links, List.of(), entry));
            }
        }
        List<NewMilestone> result2 = new ArrayList<>();
        for (Task t : milestones) {
            String name = t.fields.getOrDefault("Name", "Milestone " + t.fields.get("UID"));
            LocalDate due = date(t.fields.get("Start"), false, "milestone " + name + " Start", violations);
            String after = t.links.size() == 1 ? codes.get(t.links.get(0)[0]) : null;
            if (due != null) {
                result2.add(new NewMilestone(name, "DELIVERY".equals(t.attributes.get(kindField))
                        ? MilestoneKind.DELIVERY : MilestoneKind.MILESTONE, due, after));
            }
        }
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
        return new ScheduleImport(result, result2);
    }

    private static String field(Map<String, String> aliases, String alias, int fallback) {
        return aliases.entrySet().stream().filter(e -> alias.equalsIgnoreCase(e.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse(Integer.toString(fallback));
    }

    /** A task's date: a finish after midnight means that day was worked, so the exclusive finish is the next day. */
    private static @Nullable LocalDate date(@Nullable String value, boolean finish, String where,
            List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(where, "is required"));
            return null;
        }
        try {
            LocalDateTime at = LocalDateTime.parse(value);
            return finish && !at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().plusDays(1)
                    : at.toLocalDate();
        } catch (DateTimeParseException e) {
            violations.add(new Violation(where, "is not a date-time such as 2026-01-01T08:00:00"));
            return null;
        }
    }

    /** LinkLag is in tenths of minutes; elapsed formats count 24-hour days, the others the project's working day. */
    private static int lagDays(String lag, String format, long minutesPerDay, String where,
            List<Violation> violations) {
        try {
            long tenths = Long.parseLong(lag);
            int code = Integer.parseInt(format);
            boolean elapsed = code % 2 == 0 && code >= 4 && code <= 12 || code >= 36 && code % 2 == 0;
            double days = tenths / 10.0 / (elapsed ? 1440.0 : minutesPerDay);
            return (int) Math.round(days);
        } catch (NumberFormatException e) {
            violations.add(new Violation(where, "has a link lag that is not a number"));
            return 0;
        }
    }
}
