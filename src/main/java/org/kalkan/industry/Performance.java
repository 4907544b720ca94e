package org.kalkan.industry;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import org.kalkan.shared.SecurityLabel;

/** Earned value of a programme as of a date: the programme's figures, each nation's and each work package's. */
public record Performance(ProgrammeId programme, LocalDate asOf, String currency, EvmFigures figures,
        SortedMap<String, NationPerformance> nations, List<PackagePerformance> workPackages,
        List<String> criticalPath, SecurityLabel label) {

    public Performance {
        nations = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(nations));
        workPackages = List.copyOf(workPackages);
        criticalPath = List.copyOf(criticalPath);
    }
}
