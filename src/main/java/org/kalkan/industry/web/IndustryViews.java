package org.kalkan.industry.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.Dependency;
import org.kalkan.industry.NationPerformance;
import org.kalkan.industry.Performance;
import org.kalkan.industry.SCurvePoint;
import org.kalkan.industry.Schedule;
import org.kalkan.industry.ScheduledPackage;
import org.kalkan.industry.WorkPackage;
import org.kalkan.shared.Dtg;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the industry pages draw: index colours (green at or above 1, amber from 0.9, red below, grey when absent),
 * the Gantt chart's geometry (bars for the planned dates, the critical path in red, links as arrows, month ticks)
 * and the chart series, as JSON for {@code industry.js} (Chart.js) in data attributes, never inline scripts.
 */
@Component("industryViews")
class IndustryViews {

    static final BigDecimal AMBER = new BigDecimal("0.90");
    static final int LEFT = 250;
    static final int WIDTH = 860;
    static final int ROW = 26;
    static final int TOP = 30;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String indexClass(@Nullable BigDecimal index) {
        if (index == null) {
            return "idx idx-none";
        }
        return index.compareTo(BigDecimal.ONE) >= 0 ? "idx idx-green"
                : index.compareTo(AMBER) >= 0 ? "idx idx-amber" : "idx idx-red";
    }

    public String index(@Nullable BigDecimal index) {
        return index == null ? "—" : index.toPlainString();
    }

    public String money(@Nullable BigDecimal money) {
        // Amounts in the reader's language (grouping and decimal separator), as every number on a page.
        return money == null ? "—" : String.format(org.kalkan.platform.PageFormats.locale(), "%,.2f", money);
    }

    public String dtg(Instant instant) {
        return Dtg.of(instant);
    }

    /** One bar: its row, the planned dates' x and width, the early dates' x and width, progress and criticality. */
    record Bar(String code, String title, String nation, double y, double x, double width, double progressWidth,
            boolean critical, long totalFloat, String tooltip) {
    }

    record Arrow(String path) {
    }

    record Tick(double x, String label) {
    }

    record Gantt(List<Bar> bars, List<Arrow> arrows, List<Tick> ticks, double height, double width, int left,
            double todayX) {
    }

    Gantt gantt(List<WorkPackage> packages, Schedule schedule, Performance performance, LocalDate today) {
        if (packages.isEmpty()) {
            return new Gantt(List.of(), List.of(), List.of(), 0, LEFT + WIDTH, LEFT, -1);
        }
        LocalDate start = schedule.start();
        LocalDate finish = schedule.finish();
        for (WorkPackage p : packages) {
            finish = p.plannedFinish().isAfter(finish) ? p.plannedFinish() : finish;
        }
        double days = Math.max(1, ChronoUnit.DAYS.between(start, finish));
        double scale = WIDTH / days;
        Map<String, ScheduledPackage> timings = new HashMap<>();
        schedule.packages().forEach(p -> timings.put(p.code(), p));
        Map<String, BigDecimal> percent = new HashMap<>();
        performance.workPackages().forEach(p -> percent.put(p.code(), p.percentComplete()));
        Map<String, Bar> bars = new LinkedHashMap<>();
        int row = 0;
        for (WorkPackage p : packages) {
            ScheduledPackage timing = Objects.requireNonNull(timings.get(p.code()), "the schedule of these packages");
            double x = LEFT + ChronoUnit.DAYS.between(start, p.plannedStart()) * scale;
            double width = Math.max(2, ChronoUnit.DAYS.between(p.plannedStart(), p.plannedFinish()) * scale);
            double done = width * percent.getOrDefault(p.code(), BigDecimal.ZERO).doubleValue() / 100;
            String title = p.title().length() > 28 ? p.title().substring(0, 27) + "…" : p.title();
            bars.put(p.code(), new Bar(p.code(), title, p.nation(), TOP + row++ * ROW, round(x), round(width),
                    round(done), timing.critical(), timing.totalFloatDays(), p.code() + " " + p.title() + " ("
                    + p.nation() + ") " + p.plannedStart() + " – " + p.plannedFinish() + ", float "
                    + timing.totalFloatDays() + " d"));
        }
        List<Arrow> arrows = new ArrayList<>();
        for (WorkPackage p : packages) {
            Bar to = bars.get(p.code());
            for (Dependency link : p.dependsOn()) {
                Bar from = bars.get(link.code());
                if (from == null || to == null) {
                    continue; // a dependency outside the drawn packages has no arrow
                }
                double x1 = from.x() + from.width();
                double y1 = from.y() + 9;
                double x2 = to.x();
                double y2 = to.y() + 9;
                arrows.add(new Arrow("M" + round(x1) + " " + round(y1) + " H" + round(x1 + 6) + " V" + round(y2)
                        + " H" + round(x2)));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        LocalDate month = start.withDayOfMonth(1).plusMonths(start.getDayOfMonth() == 1 ? 0 : 1);
        long span = ChronoUnit.MONTHS.between(start, finish);
        int step = span > 24 ? 6 : span > 12 ? 3 : 1;
        while (!month.isAfter(finish)) {
            ticks.add(new Tick(round(LEFT + ChronoUnit.DAYS.between(start, month) * scale),
                    month.getYear() + "-" + String.format(Locale.ROOT, "%02d", month.getMonthValue())));
            month = month.plusMonths(step);
        }
        double todayX = today.isBefore(start) || today.isAfter(finish) ? -1
                : round(LEFT + ChronoUnit.DAYS.between(start, today) * scale);
        return new Gantt(new ArrayList<>(bars.values()), arrows, ticks, TOP + row * ROW + 10, LEFT + WIDTH + 10,
                LEFT, todayX);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** The S-curve as {@code {"labels":[…],"pv":[…],"ev":[…],"ac":[…]}} (null after the status date). */
    String sCurve(List<SCurvePoint> points) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("labels", points.stream().map(p -> p.date().toString()).toList());
        series.put("pv", points.stream().map(SCurvePoint::pv).toList());
        series.put("ev", points.stream().map(SCurvePoint::ev).toList());
        series.put("ac", points.stream().map(SCurvePoint::ac).toList());
        return JSON.writeValueAsString(series);
    }

    /** Work share per nation against cost share, in percent of the budget at completion. */
    String workShare(Performance performance) {
        Map<String, Object> series = new LinkedHashMap<>();
        List<String> nations = new ArrayList<>(performance.nations().keySet());
        List<NationPerformance> rows = new ArrayList<>(performance.nations().values()); // in the order of nations
        BigDecimal bac = performance.figures().bac();
        series.put("labels", nations);
        series.put("costShare", rows.stream().map(n -> n.costShare().multiply(BigDecimal.valueOf(100))).toList());
        series.put("workShare", rows.stream().map(n -> bac.signum() == 0 ? BigDecimal.ZERO
                : n.plannedWork().multiply(BigDecimal.valueOf(100))
                .divide(bac, 2, java.math.RoundingMode.HALF_EVEN)).toList());
        series.put("earnedShare", rows.stream().map(n -> performance.figures().ev().signum() == 0
                ? BigDecimal.ZERO : n.earnedWork().multiply(BigDecimal.valueOf(100))
                .divide(performance.figures().ev(), 2, java.math.RoundingMode.HALF_EVEN)).toList());
        return JSON.writeValueAsString(series);
    }
}
