package org.kalkan.industry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.kalkan.industry.CurvePoint;
import org.kalkan.industry.EvmFigures;
import org.kalkan.industry.internal.EarnedValue.Plan;
import org.kalkan.industry.internal.EarnedValue.Progress;

/** Properties of the earned value arithmetic over random packages, curves and progress. */
class EarnedValueProperties {

    static final LocalDate ORIGIN = LocalDate.parse("2026-01-01");

    @Provide
    Arbitrary<Plan> plans() {
        Arbitrary<BigDecimal> budgets = Arbitraries.bigDecimals().between(new BigDecimal("0.01"),
                new BigDecimal("50000000")).ofScale(2);
        Arbitrary<Integer> starts = Arbitraries.integers().between(0, 400);
        Arbitrary<Integer> durations = Arbitraries.integers().between(1, 900);
        Arbitrary<List<Integer>> curveDays = Arbitraries.integers().between(1, 899).set().ofMaxSize(4)
                .map(s -> s.stream().sorted().toList());
        Arbitrary<List<Progress>> progress = Combinators.combine(Arbitraries.integers().between(0, 1200),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("60000000")).ofScale(2))
                .as((day, percent, cost) -> new Progress(ORIGIN.plusDays(day), percent, cost)).list().ofMaxSize(3)
                .uniqueElements(Progress::asOf);
        return Combinators.combine(budgets, starts, durations, curveDays, progress).as((bac, start, duration, days,
                reports) -> {
            List<CurvePoint> curve = new ArrayList<>();
            BigDecimal percent = BigDecimal.ZERO;
            for (int day : days) {
                if (day < duration) {
                    percent = percent.add(new BigDecimal("100").subtract(percent)
                            .divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN));
                    curve.add(new CurvePoint(ORIGIN.plusDays(start + day), percent));
                }
            }
            return new Plan("P", bac, ORIGIN.plusDays(start), ORIGIN.plusDays(start + duration), curve, reports);
        });
    }

    @Property(tries = 300)
    void earnedValueNeverExceedsTheBudget(@ForAll("plans") Plan plan, @ForAll @IntRange(max = 1500) int day) {
        EvmFigures f = EarnedValue.of(plan, ORIGIN.plusDays(day));
        assertThat(f.ev()).isBetween(new BigDecimal("0.00"), f.bac());
        assertThat(f.pv()).isBetween(new BigDecimal("0.00"), f.bac());
    }

    @Property(tries = 300)
    void plannedValueNeverFallsAndEndsAtTheBudget(@ForAll("plans") Plan plan, @ForAll @IntRange(max = 1400) int day) {
        BigDecimal today = EarnedValue.plannedValue(plan, ORIGIN.plusDays(day));
        assertThat(EarnedValue.plannedValue(plan, ORIGIN.plusDays(day + 1))).isGreaterThanOrEqualTo(today);
        assertThat(EarnedValue.plannedValue(plan, plan.finish())).isEqualByComparingTo(plan.bac());
        assertThat(EarnedValue.plannedValue(plan, plan.start())).isZero();
    }

    @Property(tries = 300)
    void indicesAreAbsentExactlyWhenTheirDivisorIsZero(@ForAll("plans") Plan plan,
            @ForAll @IntRange(max = 1500) int day) {
        EvmFigures f = EarnedValue.of(plan, ORIGIN.plusDays(day));
        assertThat(f.cpi() == null).isEqualTo(f.ac().signum() == 0);
        assertThat(f.spi() == null).isEqualTo(f.pv().signum() == 0);
        assertThat(f.tcpi() == null).isEqualTo(f.bac().compareTo(f.ac()) == 0);
        // EAC = BAC / CPI with the exact CPI: absent when AC or EV is zero (a CPI rounded to 0.0000 is not zero)
        assertThat(f.eac() == null).isEqualTo(f.ac().signum() == 0 || f.ev().signum() == 0);
        assertThat(f.spiT() == null).isEqualTo(!ORIGIN.plusDays(day).isAfter(plan.start()));
        for (BigDecimal money : List.of(f.bac(), f.pv(), f.ev(), f.ac(), f.cv(), f.sv())) {
            assertThat(money.scale()).isEqualTo(2);
        }
        for (BigDecimal index : new BigDecimal[] {f.cpi(), f.spi(), f.tcpi(), f.spiT()}) {
            assertThat(index == null || index.scale() == 4).isTrue();
        }
    }

    @Property(tries = 150)
    void theProgrammesSumsAreTheSumsOverItsPackages(@ForAll("plans") Plan a, @ForAll("plans") Plan b,
            @ForAll("plans") Plan c, @ForAll @IntRange(max = 1500) int day) {
        LocalDate asOf = ORIGIN.plusDays(day);
        EvmFigures programme = EarnedValue.of(List.of(a, b, c), asOf);
        List<EvmFigures> parts = List.of(EarnedValue.of(a, asOf), EarnedValue.of(b, asOf), EarnedValue.of(c, asOf));
        assertThat(programme.bac()).isEqualTo(sum(parts, EvmFigures::bac));
        assertThat(programme.pv()).isEqualTo(sum(parts, EvmFigures::pv));
        assertThat(programme.ev()).isEqualTo(sum(parts, EvmFigures::ev));
        assertThat(programme.ac()).isEqualTo(sum(parts, EvmFigures::ac));
        assertThat(programme.cv()).isEqualTo(sum(parts, EvmFigures::cv));
        assertThat(programme.sv()).isEqualTo(sum(parts, EvmFigures::sv));
    }

    @Property(tries = 200)
    void earnedScheduleIsTheTimeThePlanReachedTheEarnedValue(@ForAll("plans") Plan plan,
            @ForAll @IntRange(min = 1, max = 1500) int day) {
        LocalDate asOf = plan.start().plusDays(day);
        EvmFigures f = EarnedValue.of(plan, asOf);
        assertThat(f.spiT()).isNotNull();
        // ES = spiT × AT lies between the last day the plan had not passed EV and the next one
        BigDecimal es = f.spiT().multiply(BigDecimal.valueOf(day));
        long whole = es.setScale(0, java.math.RoundingMode.FLOOR).longValue();
        BigDecimal tolerance = BigDecimal.valueOf(day).multiply(new BigDecimal("0.00005"));
        assertThat(EarnedValue.plannedValue(plan, plan.start().plusDays(Math.max(0,
                es.subtract(tolerance).setScale(0, java.math.RoundingMode.FLOOR).longValue()))))
                .isLessThanOrEqualTo(f.ev());
        if (f.ev().compareTo(f.bac()) < 0) {
            assertThat(EarnedValue.plannedValue(plan, plan.start().plusDays(
                    es.add(tolerance).setScale(0, java.math.RoundingMode.FLOOR).longValue() + 1)))
                    .isGreaterThan(f.ev());
        }
        assertThat(whole).isLessThanOrEqualTo(plan.days());
    }

    private static BigDecimal sum(List<EvmFigures> parts, java.util.function.Function<EvmFigures, BigDecimal> field) {
        return parts.stream().map(field).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
