package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.CurvePoint;
import org.kalkan.industry.EvmFigures;

/**
 * Earned value arithmetic in exact decimals. Dates are the start of their day: planned value accrues linearly over
 * the calendar days from the planned start (inclusive) to the planned finish (exclusive), so as of the start it is
 * 0 and as of the finish the whole budget, unless a time-phased curve is given. Each package's money is rounded to
 * cents (half-even) once; programme and nation figures are the sums of their packages' cents, and every index is the
 * exact quotient of those sums rounded to 4 decimals (half-even), absent when its divisor is zero.
 */
final class EarnedValue {

    static final int MONEY = 2;
    static final int INDEX = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EarnedValue() {
    }

    /** One package's plan and its progress reports (cumulative, any order). */
    record Plan(String code, BigDecimal bac, LocalDate start, LocalDate finish, List<CurvePoint> curve,
            List<Progress> progress) {

        Plan {
            if (!finish.isAfter(start)) {
                throw new IllegalArgumentException(code + ": the planned finish must be after the planned start");
            }
            curve = curve.stream().sorted(Comparator.comparing(CurvePoint::date)).toList();
            progress = List.copyOf(progress);
        }

        long days() {
            return ChronoUnit.DAYS.between(start, finish);
        }
    }

    /** A progress report: percent complete and cumulative actual cost as of a date. */
    record Progress(LocalDate asOf, BigDecimal percentComplete, BigDecimal actualCost) {
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY, RoundingMode.HALF_EVEN);
    }

    /** The planned value as of the start of {@code asOf}, in cents. */
    static BigDecimal plannedValue(Plan plan, LocalDate asOf) {
        if (!asOf.isAfter(plan.start())) {
            return money(BigDecimal.ZERO);
        }
        if (!asOf.isBefore(plan.finish())) {
            return money(plan.bac());
        }
        // The curve's corners: (start, 0 %), its points, (finish, 100 %); linear in calendar days between them.
        LocalDate fromDate = plan.start();
        BigDecimal fromPercent = BigDecimal.ZERO;
        for (CurvePoint point : plan.curve()) {
            if (point.date().isAfter(asOf)) {
                return interpolate(plan.bac(), fromDate, fromPercent, point.date(), point.cumulativePercent(), asOf);
            }
            fromDate = point.date();
            fromPercent = point.cumulativePercent();
        }
        return interpolate(plan.bac(), fromDate, fromPercent, plan.finish(), HUNDRED, asOf);
    }

    /** {@code bac × (p0 + (p1 − p0) × (d − d0) / (d1 − d0)) / 100}, one exact division rounded to cents. */
    private static BigDecimal interpolate(BigDecimal bac, LocalDate d0, BigDecimal p0, LocalDate d1, BigDecimal p1,
            LocalDate asOf) {
        BigDecimal span = BigDecimal.valueOf(ChronoUnit.DAYS.between(d0, d1));
        BigDecimal elapsed = BigDecimal.valueOf(ChronoUnit.DAYS.between(d0, asOf));
        BigDecimal numerator = bac.multiply(p0.multiply(span).add(p1.subtract(p0).multiply(elapsed)));
        return numerator.divide(HUNDRED.multiply(span), MONEY, RoundingMode.HALF_EVEN);
    }

    /** The latest report on or before {@code asOf}, if any. */
    static @Nullable Progress latest(Plan plan, LocalDate asOf) {
        return plan.progress().stream().filter(p -> !p.asOf().isAfter(asOf))
                .max(Comparator.comparing(Progress::asOf)).orElse(null);
    }

    static BigDecimal percentComplete(Plan plan, LocalDate asOf) {
        Progress latest = latest(plan, asOf);
        return latest == null ? BigDecimal.ZERO : latest.percentComplete();
    }

    /** The earned value as of {@code asOf}: the budget times the latest percent complete, in cents. */
    static BigDecimal earnedValue(Plan plan, LocalDate asOf) {
        return plan.bac().multiply(percentComplete(plan, asOf)).divide(HUNDRED, MONEY, RoundingMode.HALF_EVEN);
    }

    /** The actual cost to date as of {@code asOf}: the latest report's cumulative cost. */
    static BigDecimal actualCost(Plan plan, LocalDate asOf) {
        Progress latest = latest(plan, asOf);
        return money(latest == null ? BigDecimal.ZERO : latest.actualCost());
    }

    /** The figures of one package. */
    static EvmFigures of(Plan plan, LocalDate asOf) {
        return of(List.of(plan), asOf);
    }

    /** The figures of a set of packages (a programme, a nation's part): sums of cents, indices of the sums. */
    static EvmFigures of(List<Plan> plans, LocalDate asOf) {
        BigDecimal bac = money(BigDecimal.ZERO);
        BigDecimal pv = bac;
        BigDecimal ev = bac;
        BigDecimal ac = bac;
        for (Plan plan : plans) {
            bac = bac.add(money(plan.bac()));
            pv = pv.add(plannedValue(plan, asOf));
            ev = ev.add(earnedValue(plan, asOf));
            ac = ac.add(actualCost(plan, asOf));
        }
        return figures(bac, pv, ev, ac, earnedScheduleSpi(plans, ev, asOf));
    }

    /** The figures from the four sums (money already in cents). */
    static EvmFigures figures(BigDecimal bac, BigDecimal pv, BigDecimal ev, BigDecimal ac,
            @Nullable BigDecimal spiT) {
        BigDecimal eac = ev.signum() == 0 || ac.signum() == 0 ? null
                : bac.multiply(ac).divide(ev, MONEY, RoundingMode.HALF_EVEN); // BAC / (EV / AC), exactly
        return new EvmFigures(bac, pv, ev, ac, ev.subtract(ac), ev.subtract(pv), index(ev, ac), index(ev, pv), eac,
                index(bac.subtract(ev), bac.subtract(ac)), spiT);
    }

    /** {@code numerator / denominator} to 4 decimals, half-even; absent when the denominator is zero. */
    static @Nullable BigDecimal index(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, INDEX, RoundingMode.HALF_EVEN);
    }

    /**
     * The earned-schedule SPI(t) = ES / AT in calendar days from the earliest planned start. ES is the time at which
     * the planned value (the sum of the packages' cents) reached the earned value: {@code C + (EV − PV(C)) /
     * (PV(C+1) − PV(C))} with C the last day whose planned value does not exceed EV; once EV is the whole budget, the
     * day the plan reached it. Absent before the start (AT = 0).
     */
    static @Nullable BigDecimal earnedScheduleSpi(List<Plan> plans, BigDecimal ev, LocalDate asOf) {
        if (plans.isEmpty()) {
            return null;
        }
        LocalDate start = plans.stream().map(Plan::start).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate finish = plans.stream().map(Plan::finish).max(Comparator.naturalOrder()).orElseThrow();
        long actualTime = ChronoUnit.DAYS.between(start, asOf);
        if (actualTime <= 0) {
            return null;
        }
        long total = ChronoUnit.DAYS.between(start, finish);
        BigDecimal bac = plans.stream().map(p -> money(p.bac())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal elapsed;
        if (ev.compareTo(bac) >= 0) {
            elapsed = BigDecimal.valueOf(firstDayReaching(plans, start, total, ev));
        } else {
            long c = lastDayNotAbove(plans, start, total, ev);
            BigDecimal atC = plannedValue(plans, start.plusDays(c));
            BigDecimal step = plannedValue(plans, start.plusDays(c + 1)).subtract(atC);
            // ES / AT = (C × step + EV − PV(C)) / (step × AT): one exact division.
            return BigDecimal.valueOf(c).multiply(step).add(ev.subtract(atC))
                    .divide(step.multiply(BigDecimal.valueOf(actualTime)), INDEX, RoundingMode.HALF_EVEN);
        }
        return elapsed.divide(BigDecimal.valueOf(actualTime), INDEX, RoundingMode.HALF_EVEN);
    }

    static BigDecimal plannedValue(List<Plan> plans, LocalDate asOf) {
        BigDecimal sum = money(BigDecimal.ZERO);
        for (Plan plan : plans) {
            sum = sum.add(plannedValue(plan, asOf));
        }
        return sum;
    }

    /** The last day in [0, total) whose planned value is at most {@code ev} (planned value never decreases). */
    private static long lastDayNotAbove(List<Plan> plans, LocalDate start, long total, BigDecimal ev) {
        long low = 0; // PV(0) = 0 <= ev
        long high = total; // PV(total) = BAC > ev
        while (high - low > 1) {
            long middle = (low + high) >>> 1;
            if (plannedValue(plans, start.plusDays(middle)).compareTo(ev) <= 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The first day whose planned value is at least {@code ev}. */
    private static long firstDayReaching(List<Plan> plans, LocalDate start, long total, BigDecimal ev) {
        long low = -1;
        long high = total;
        while (high - low > 1) {
            long middle = (low + high) >>> 1;
            if (plannedValue(plans, start.plusDays(middle)).compareTo(ev) >= 0) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }
}
