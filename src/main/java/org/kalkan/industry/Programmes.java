package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * Co-production programmes for a subject. Reads return only what the subject may read (anything else is "not
 * found"); writes need the {@code PROGRAMME_MANAGER} role of the programme's originating nation (progress also of
 * the performing nation), validate everything before writing, and are audited.
 */
public interface Programmes {

    Programme create(Subject subject, NewProgramme programme);

    /** Readable programmes in the subject's context, by name. */
    List<Programme> list(Subject subject);

    Programme programme(Subject subject, ProgrammeId id);

    /** One step forward in the life cycle, at the programme's current version. */
    Programme changePhase(Subject subject, ProgrammeId id, Phase phase, int version);

    WorkPackage addWorkPackage(Subject subject, ProgrammeId id, NewWorkPackage workPackage);

    /** New planned dates and budget for a package (compare with a saved baseline). */
    WorkPackage replan(Subject subject, ProgrammeId id, String code, LocalDate plannedStart, LocalDate plannedFinish,
            BigDecimal budget);

    List<WorkPackage> workPackages(Subject subject, ProgrammeId id);

    ProgressReport reportProgress(Subject subject, ProgrammeId id, String code, LocalDate asOf,
            BigDecimal percentComplete, BigDecimal actualCost);

    Performance performance(Subject subject, ProgrammeId id, LocalDate asOf);

    /** PV from the first planned start to the last planned finish, EV and AC up to {@code asOf}. */
    List<SCurvePoint> sCurve(Subject subject, ProgrammeId id, LocalDate asOf);

    Schedule schedule(Subject subject, ProgrammeId id);

    /** Adds the packages and milestones of an imported schedule, all or nothing; returns how many packages. */
    int importSchedule(Subject subject, ProgrammeId id, ScheduleImport schedule);

    Milestone addMilestone(Subject subject, ProgrammeId id, NewMilestone milestone);

    List<Milestone> milestones(Subject subject, ProgrammeId id);

    Milestone decideAcceptance(Subject subject, ProgrammeId id, MilestoneId milestone, boolean accepted,
            LocalDate on, @Nullable String note);

    BaselineComparison saveBaseline(Subject subject, ProgrammeId id);

    BaselineComparison compareWithBaseline(Subject subject, ProgrammeId id);
}
