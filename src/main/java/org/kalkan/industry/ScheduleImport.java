package org.kalkan.industry;

import java.util.List;

/** Work packages and milestones read from a project file (MSPDI), to add to a programme in one go. */
public record ScheduleImport(List<NewWorkPackage> workPackages, List<NewMilestone> milestones) {

    public ScheduleImport {
        workPackages = List.copyOf(workPackages);
        milestones = List.copyOf(milestones);
    }
}
