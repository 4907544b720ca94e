package org.kalkan.industry;

import java.time.LocalDate;
import java.util.List;

/** The computed schedule of a programme: start, finish and length in calendar days, each package, the critical path. */
public record Schedule(ProgrammeId programme, LocalDate start, LocalDate finish, long lengthDays,
        List<ScheduledPackage> packages, List<String> criticalPath) {

    public Schedule {
        packages = List.copyOf(packages);
        criticalPath = List.copyOf(criticalPath);
    }
}
