package org.kalkan.industry;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The global balance of one currency's programmes that the reader may read: per nation, the work its industry
 * performs (budgets of its packages) against the work its cost shares pay for, summed over programmes, and the
 * same per calendar year (planned value falling in the year).
 */
public record GlobalBalance(String currency, BigDecimal tolerance, int programmes,
        SortedMap<String, NationBalance> nations) {

    public GlobalBalance {
        nations = Collections.unmodifiableSortedMap(new TreeMap<>(nations));
    }

    /** A nation's totals, balance (work ÷ contribution, absent when it pays nothing) and its years. */
    public record NationBalance(BigDecimal work, BigDecimal contribution, @Nullable BigDecimal balance,
            boolean inBand, SortedMap<Integer, YearBalance> years) {

        public NationBalance {
            years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
        }
    }

    public record YearBalance(BigDecimal work, BigDecimal contribution, @Nullable BigDecimal balance) {
    }
}
