package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.EvmFigures;
import org.kalkan.industry.NationPerformance;
import org.kalkan.industry.PackagePerformance;
import org.kalkan.industry.Performance;
import org.kalkan.industry.Programme;
import org.kalkan.industry.SCurvePoint;
import org.kalkan.industry.ScheduledPackage;
import org.kalkan.industry.WorkPackage;
import org.kalkan.industry.internal.EarnedValue.Plan;
import org.kalkan.industry.internal.EarnedValue.Progress;

/**
 * A programme's measures from its packages: earned value per package, nation and programme, the schedule with floats
 * and the critical path, and each nation's work-share balance (the work its industry performs against the work its
 * cost share pays for). Pure: no database, no clock.
 */
final class Measures {

    private Measures() {
    }

    static Plan plan(WorkPackage p) {
        return new Plan(p.code(), p.budget(), p.plannedStart(), p.plannedFinish(), p.curve(),
                p.progress().stream().map(r -> new Progress(r.asOf(), r.percentComplete(), r.actualCost())).toList());
    }

    static CriticalPath.Result schedule(List<WorkPackage> packages) {
        return CriticalPath.compute(packages.stream().map(p -> new CriticalPath.Activity(p.code(), p.plannedStart(),
                p.plannedFinish(), p.dependsOn())).toList());
    }

    /** The timing of a package the schedule was made from. */
    static ScheduledPackage scheduled(Map<String, ScheduledPackage> timings, WorkPackage p) {
        ScheduledPackage timing = timings.get(p.code());
        if (timing == null) {
            throw new IllegalStateException("the schedule has no " + p.code());
        }
        return timing;
    }

    static Performance performance(Programme programme, List<WorkPackage> packages, LocalDate asOf,
            BigDecimal tolerance) {
        CriticalPath.Result schedule = schedule(packages);
        Map<String, ScheduledPackage> timings = schedule.byCode();
        List<Plan> plans = packages.stream().map(Measures::plan).toList();
        EvmFigures total = EarnedValue.of(plans, asOf);
        List<PackagePerformance> rows = new ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            WorkPackage p = packages.get(i);
            ScheduledPackage timing = scheduled(timings, p);
            rows.add(new PackagePerformance(p.code(), p.nation(), EarnedValue.percentComplete(plans.get(i), asOf),
                    EarnedValue.of(plans.get(i), asOf), timing.totalFloatDays(), timing.critical()));
        }
        Map<String, NationPerformance> nations = new TreeMap<>();
        TreeSet<String> everyNation = new TreeSet<>(programme.nations());
        packages.forEach(p -> everyNation.add(p.nation()));
        for (String nation : everyNation) {
            List<Plan> own = new ArrayList<>();
            for (int i = 0; i < packages.size(); i++) {
                if (packages.get(i).nation().equals(nation)) {
                    own.add(plans.get(i));
                }
            }
            EvmFigures figures = EarnedValue.of(own, asOf);
            BigDecimal share = programme.costShares().getOrDefault(nation, BigDecimal.ZERO);
            BigDecimal balance = coefficient(figures.bac(), share, total.bac());
            BigDecimal earnedBalance = coefficient(figures.ev(), share, total.ev());
            nations.put(nation, new NationPerformance(share, figures.bac(), figures.ev(), balance, earnedBalance,
                    inBand(balance, figures.bac(), tolerance), figures));
        }
        return new Performance(programme.id(), asOf, programme.currency(), total, new TreeMap<>(nations), rows,
                schedule.criticalPath(), programme.label());
    }

    /** {@code work / (share × total)} to 4 decimals; absent when the nation's money base is zero. */
    static @Nullable BigDecimal coefficient(BigDecimal work, BigDecimal share, BigDecimal total) {
        return EarnedValue.index(work, share.multiply(total));
    }

    /** Within 1 ± tolerance; a nation that pays nothing is in band only while it performs nothing. */
    static boolean inBand(@Nullable BigDecimal balance, BigDecimal work, BigDecimal tolerance) {
        if (balance == null) {
            return work.signum() == 0;
        }
        return balance.subtract(BigDecimal.ONE).abs().compareTo(tolerance) <= 0;
    }

    /** The contribution a nation's share pays for, in cents. */
    static BigDecimal contribution(BigDecimal share, BigDecimal total) {
        return share.multiply(total).setScale(EarnedValue.MONEY, RoundingMode.HALF_EVEN);
    }

    /**
     * The S-curve: PV on the first of every month from the first planned start to the last planned finish and on
     * the status date and every report date; EV and AC on those dates up to the status date.
     */
    static List<SCurvePoint> sCurve(List<WorkPackage> packages, LocalDate asOf) {
        if (packages.isEmpty()) {
            return List.of();
        }
        List<Plan> plans = packages.stream().map(Measures::plan).toList();
        LocalDate start = plans.stream().map(Plan::start).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate finish = plans.stream().map(Plan::finish).max(Comparator.naturalOrder()).orElseThrow();
        TreeSet<LocalDate> dates = new TreeSet<>();
        dates.add(start);
        dates.add(finish);
        long months = ChronoUnit.MONTHS.between(start.withDayOfMonth(1), finish.withDayOfMonth(1));
        for (long m = 1; m <= months; m++) {
            dates.add(start.withDayOfMonth(1).plusMonths(m));
        }
        if (!asOf.isBefore(start) && !asOf.isAfter(finish)) {
            dates.add(asOf);
        }
        packages.forEach(p -> p.progress().forEach(r -> {
            if (!r.asOf().isAfter(asOf)) {
                dates.add(r.asOf());
            }
        }));
        List<SCurvePoint> points = new ArrayList<>();
        for (LocalDate date : dates) {
            BigDecimal pv = EarnedValue.plannedValue(plans, date);
            if (date.isAfter(asOf)) {
                points.add(new SCurvePoint(date, pv, null, null));
            } else {
                BigDecimal ev = EarnedValue.money(BigDecimal.ZERO);
                BigDecimal ac = ev;
                for (Plan plan : plans) {
                    ev = ev.add(EarnedValue.earnedValue(plan, date));
                    ac = ac.add(EarnedValue.actualCost(plan, date));
                }
                points.add(new SCurvePoint(date, pv, ev, ac));
            }
        }
        return points;
    }
}
