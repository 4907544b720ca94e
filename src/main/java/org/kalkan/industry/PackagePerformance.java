package org.kalkan.industry;

import java.math.BigDecimal;

/** One work package's earned value, its percent complete as of the date, its total float and criticality. */
public record PackagePerformance(String code, String nation, BigDecimal percentComplete, EvmFigures figures,
        long totalFloatDays, boolean critical) {
}
