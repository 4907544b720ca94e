package org.kalkan.industry.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.kalkan.industry.Dependency;
import org.kalkan.industry.ScheduledPackage;

/**
 * The critical path method over a network of work packages in calendar days, with finish-to-start links and lags.
 * Forward pass: a package starts at the latest of its planned start and each predecessor's early finish plus lag.
 * Backward pass from the project finish (the latest early finish): a package finishes at the earliest of its
 * successors' late start minus lag. Total float = late start − early start; the critical path is the packages with
 * none, in early-start order.
 */
final class CriticalPath {

    private CriticalPath() {
    }

    /** A package of the network: its planned dates (finish exclusive) and its predecessors. */
    record Activity(String code, LocalDate plannedStart, LocalDate plannedFinish, List<Dependency> predecessors) {

        Activity {
            predecessors = List.copyOf(predecessors);
        }

        long duration() {
            return ChronoUnit.DAYS.between(plannedStart, plannedFinish);
        }
    }

    /** The computed schedule: the project start and finish and each package's dates, in the input's order. */
    record Result(LocalDate start, LocalDate finish, List<ScheduledPackage> packages, List<String> criticalPath) {

        long lengthDays() {
            return ChronoUnit.DAYS.between(start, finish);
        }

        Map<String, ScheduledPackage> byCode() {
            Map<String, ScheduledPackage> map = new HashMap<>();
            packages.forEach(p -> map.put(p.code(), p));
            return map;
        }
    }

    static Result compute(List<Activity> activities) {
        if (activities.isEmpty()) {
            return new Result(LocalDate.EPOCH, LocalDate.EPOCH, List.of(), List.of());
        }
        Map<String, Activity> byCode = new LinkedHashMap<>();
        activities.forEach(a -> byCode.put(a.code(), a));
        List<Activity> order = topological(byCode);
        LocalDate origin = activities.stream().map(Activity::plannedStart).min(Comparator.naturalOrder())
                .orElseThrow();
        Map<String, Long> earlyStart = new HashMap<>();
        Map<String, Long> earlyFinish = new HashMap<>();
        for (Activity activity : order) {
            long start = ChronoUnit.DAYS.between(origin, activity.plannedStart());
            for (Dependency link : activity.predecessors()) {
                // Topological order: every predecessor is finished before its successor is reached.
                start = Math.max(start, Objects.requireNonNull(earlyFinish.get(link.code())) + link.lagDays());
            }
            earlyStart.put(activity.code(), start);
            earlyFinish.put(activity.code(), start + activity.duration());
        }
        long projectFinish = earlyFinish.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        Map<String, Long> lateFinish = new HashMap<>();
        order.forEach(a -> lateFinish.put(a.code(), projectFinish));
        for (int i = order.size() - 1; i >= 0; i--) {
            Activity activity = order.get(i);
            long lateStart = Objects.requireNonNull(lateFinish.get(activity.code())) - activity.duration();
            for (Dependency link : activity.predecessors()) {
                lateFinish.merge(link.code(), lateStart - link.lagDays(), Math::min);
            }
        }
        List<ScheduledPackage> packages = new ArrayList<>();
        for (Activity activity : activities) {
            long es = Objects.requireNonNull(earlyStart.get(activity.code()));
            long lf = Objects.requireNonNull(lateFinish.get(activity.code()));
            long ls = lf - activity.duration();
            packages.add(new ScheduledPackage(activity.code(), origin.plusDays(es),
                    origin.plusDays(es + activity.duration()), origin.plusDays(ls), origin.plusDays(lf), ls - es,
                    ls == es));
        }
        List<String> critical = packages.stream().filter(ScheduledPackage::critical)
                .sorted(Comparator.comparing(ScheduledPackage::earlyStart).thenComparing(ScheduledPackage::code))
                .map(ScheduledPackage::code).toList();
        return new Result(origin, origin.plusDays(projectFinish), packages, critical);
    }

    /** Kahn's order; an unknown predecessor or a cycle is refused by name. */
    private static List<Activity> topological(Map<String, Activity> byCode) {
        Map<String, Integer> indegree = new HashMap<>();
        Map<String, List<String>> successors = new HashMap<>();
        for (Activity activity : byCode.values()) {
            indegree.putIfAbsent(activity.code(), 0);
            for (Dependency link : activity.predecessors()) {
                if (!byCode.containsKey(link.code())) {
                    throw new IllegalArgumentException(activity.code() + " depends on " + link.code()
                            + ", which is not a work package of the programme");
                }
                indegree.merge(activity.code(), 1, Integer::sum);
                successors.computeIfAbsent(link.code(), k -> new ArrayList<>()).add(activity.code());
            }
        }
        Deque<String> ready = new ArrayDeque<>();
        byCode.keySet().stream().filter(code -> indegree.getOrDefault(code, 0) == 0).forEach(ready::add);
        List<Activity> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String code = ready.poll();
            order.add(byCode.get(code));
            for (String next : successors.getOrDefault(code, List.of())) {
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (order.size() < byCode.size()) {
            TreeSet<String> cyclic = new TreeSet<>(byCode.keySet());
            order.forEach(a -> cyclic.remove(a.code()));
            throw new IllegalArgumentException("the dependencies form a cycle through " + String.join(", ", cyclic));
        }
        return order;
    }
}
