package org.kalkan.training;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/** A scheduled session of a course, with how many nominations hold a seat and how many wait. */
public record Session(SessionId id, CourseId courseId, String courseCode, String courseTitle, LocalDate start,
        LocalDate end, @Nullable String place, int seats, Map<String, Integer> quotas, LocalDate nominationDeadline,
        SecurityLabel label, NationCode originNation, int seated, int waiting, int version) {

    public Session {
        quotas = new TreeMap<>(quotas);
    }

    public Seating seating() {
        return new Seating(seats, quotas);
    }

    /** Nominations are taken until the end of the deadline day. */
    public boolean acceptsNominationsOn(LocalDate day) {
        return !day.isAfter(nominationDeadline);
    }

    /** Results may be recorded from the session's first day on. */
    public boolean takesResultsOn(LocalDate day) {
        return !day.isBefore(start);
    }
}
