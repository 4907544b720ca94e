package org.kalkan.industry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalkan.industry.CurvePoint;
import org.kalkan.industry.EvmFigures;
import org.kalkan.industry.internal.EarnedValue.Plan;
import org.kalkan.industry.internal.EarnedValue.Progress;

/** Earned value against figures worked out by hand (dates are the start of their day; finishes exclusive). */
class EarnedValueTests {

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static Plan wp1(Progress... progress) {
        return new Plan("WP1", d("1200000"), LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"), List.of(),
                List.of(progress));
    }

    @Test
    void theIssuesExampleWorkedByHand() {
        // 365 days; as of 1 July 181 have elapsed: PV = 1,200,000 × 181 / 365 = 595,068.4931… → 595,068.49.
        Plan plan = wp1(new Progress(LocalDate.parse("2026-07-01"), d("40"), d("520000")));
        EvmFigures f = EarnedValue.of(plan, LocalDate.parse("2026-07-01"));
        assertThat(f.bac()).isEqualByComparingTo("1200000.00");
        assertThat(f.pv()).isEqualTo(d("595068.49"));
        assertThat(f.ev()).isEqualTo(d("480000.00"));
        assertThat(f.ac()).isEqualTo(d("520000.00"));
        assertThat(f.cv()).isEqualTo(d("-40000.00"));
        assertThat(f.sv()).isEqualTo(d("-115068.49"));
        assertThat(f.cpi()).isEqualTo(d("0.9231")); // 480,000 / 520,000 = 0.923076…
        assertThat(f.spi()).isEqualTo(d("0.8066")); // 480,000 / 595,068.49 = 0.806629…
        assertThat(f.eac()).isEqualTo(d("1300000.00")); // 1,200,000 / (12/13)
        assertThat(f.tcpi()).isEqualTo(d("1.0588")); // 720,000 / 680,000 = 1.058823…
        // The plan reached 480,000 exactly on day 146 (1,200,000 × 146 / 365): ES = 146, AT = 181.
        assertThat(f.spiT()).isEqualTo(d("0.8066"));
    }

    @Test
    void plannedValueIsZeroAtTheStartAndTheBudgetFromTheFinishOn() {
        Plan plan = wp1();
        assertThat(EarnedValue.plannedValue(plan, LocalDate.parse("2025-12-01"))).isEqualTo(d("0.00"));
        assertThat(EarnedValue.plannedValue(plan, LocalDate.parse("2026-01-01"))).isEqualTo(d("0.00"));
        // one day of 365 has accrued by the start of 2 January
        assertThat(EarnedValue.plannedValue(plan, LocalDate.parse("2026-01-02"))).isEqualTo(d("3287.67"));
        assertThat(EarnedValue.plannedValue(plan, LocalDate.parse("2026-12-31"))).isEqualTo(d("1196712.33"));
        assertThat(EarnedValue.plannedValue(plan, LocalDate.parse("2027-01-01"))).isEqualTo(d("1200000.00"));
        assertThat(EarnedValue.plannedValue(plan, LocalDate.parse("2030-01-01"))).isEqualTo(d("1200000.00"));
    }

    @Test
    void moneyIsRoundedHalfEven() {
        // 1,000.10 over 4 days: after one day 250.025, which rounds to the even cent 250.02 (half-up would say .03).
        Plan plan = new Plan("T", d("1000.10"), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-05"),
                List.of(), List.of(new Progress(LocalDate.parse("2026-01-02"), d("12.5"), d("1"))));
        assertThat(EarnedValue.plannedValue(plan, LocalDate.parse("2026-01-02"))).isEqualTo(d("250.02"));
        // EV = 1,000.10 × 12.5 % = 125.0125 → 125.01
        assertThat(EarnedValue.earnedValue(plan, LocalDate.parse("2026-01-02"))).isEqualTo(d("125.01"));
    }

    @Test
    void aTimePhasedCurveIsFollowedLinearlyBetweenItsPoints() {
        // 120 days; 20 % planned by 2 March (day 60); 0 % at the start and 100 % at the finish are implied.
        Plan plan = new Plan("C", d("1000000"), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-05-01"),
                List.of(new CurvePoint(LocalDate.parse("2026-03-02"), d("20"))), List.of());
        // 31 days into the first segment: 1,000,000 × 20 % × 31 / 60 = 103,333.33…
        assertThat(EarnedValue.plannedValue(plan, LocalDate.parse("2026-02-01"))).isEqualTo(d("103333.33"));
        assertThat(EarnedValue.plannedValue(plan, LocalDate.parse("2026-03-02"))).isEqualTo(d("200000.00"));
        // 30 of the 60 days of the second segment: 20 % + 80 % × 30 / 60 = 60 %
        assertThat(EarnedValue.plannedValue(plan, LocalDate.parse("2026-04-01"))).isEqualTo(d("600000.00"));
    }

    @Test
    void indicesAreAbsentWhenTheirDivisorIsZero() {
        EvmFigures before = EarnedValue.of(wp1(), LocalDate.parse("2026-01-01"));
        assertThat(before.pv()).isEqualTo(d("0.00"));
        assertThat(before.cpi()).as("AC = 0").isNull();
        assertThat(before.spi()).as("PV = 0").isNull();
        assertThat(before.eac()).as("CPI absent").isNull();
        assertThat(before.spiT()).as("AT = 0").isNull();
        assertThat(before.tcpi()).isEqualTo(d("1.0000"));
        // spent the whole budget: BAC − AC = 0, so TCPI is absent; nothing earned: CPI = 0 and EAC absent
        EvmFigures overspent = EarnedValue.of(wp1(new Progress(LocalDate.parse("2026-03-01"), d("0"),
                d("1200000"))), LocalDate.parse("2026-03-01"));
        assertThat(overspent.tcpi()).isNull();
        assertThat(overspent.cpi()).isEqualTo(d("0.0000"));
        assertThat(overspent.eac()).isNull();
    }

    @Test
    void theLatestReportOnOrBeforeTheDateCounts() {
        Plan plan = wp1(new Progress(LocalDate.parse("2026-04-01"), d("20"), d("250000")),
                new Progress(LocalDate.parse("2026-07-01"), d("40"), d("520000")));
        assertThat(EarnedValue.earnedValue(plan, LocalDate.parse("2026-03-31"))).isEqualTo(d("0.00"));
        assertThat(EarnedValue.earnedValue(plan, LocalDate.parse("2026-06-30"))).isEqualTo(d("240000.00"));
        assertThat(EarnedValue.actualCost(plan, LocalDate.parse("2026-06-30"))).isEqualTo(d("250000.00"));
        assertThat(EarnedValue.actualCost(plan, LocalDate.parse("2026-07-01"))).isEqualTo(d("520000.00"));
    }

    @Test
    void aProgrammeIsTheSumOfItsPackagesAndItsIndicesComeFromTheSums() {
        Plan a = wp1(new Progress(LocalDate.parse("2026-07-01"), d("40"), d("520000")));
        Plan b = new Plan("WP2", d("600000"), LocalDate.parse("2026-04-01"), LocalDate.parse("2026-10-01"), List.of(),
                List.of(new Progress(LocalDate.parse("2026-07-01"), d("50"), d("250000"))));
        // WP2: 183 days, 91 elapsed by 1 July → 600,000 × 91 / 183 = 298,360.655… → 298,360.66
        EvmFigures f = EarnedValue.of(List.of(a, b), LocalDate.parse("2026-07-01"));
        assertThat(f.bac()).isEqualTo(d("1800000.00"));
        assertThat(f.pv()).isEqualTo(d("893429.15")); // 595,068.49 + 298,360.66
        assertThat(f.ev()).isEqualTo(d("780000.00"));
        assertThat(f.ac()).isEqualTo(d("770000.00"));
        assertThat(f.cpi()).isEqualTo(d("1.0130")); // 780,000 / 770,000 = 1.012987…
        assertThat(f.spi()).isEqualTo(d("0.8730")); // 780,000 / 893,429.15 = 0.873040…
        assertThat(f.eac()).isEqualTo(d("1776923.08")); // 1,800,000 × 770,000 / 780,000
    }
}
