package org.kalkan.industry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kalkan.industry.Dependency;
import org.kalkan.industry.ScheduledPackage;
import org.kalkan.industry.internal.CriticalPath.Activity;

/**
 * The critical path's length equals the shortest makespan CP-SAT finds for the same network (start no earlier than
 * the planned start, finish-to-start links with lags); floats are never negative, and the early dates keep every link.
 */
class ScheduleProperties {

    static final LocalDate ORIGIN = LocalDate.parse("2026-01-01");

    @Provide
    Arbitrary<List<Activity>> networks() {
        return Arbitraries.integers().between(1, 9).flatMap(size -> {
            List<Arbitrary<Activity>> activities = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int index = i;
                Arbitrary<List<Dependency>> links = Arbitraries.integers().between(0, Math.max(0, index - 1))
                        .list().ofMaxSize(index == 0 ? 0 : 3).uniqueElements()
                        .flatMap(predecessors -> Arbitraries.integers().between(-5, 20).list()
                                .ofSize(predecessors.size()).map(lags -> {
                                    List<Dependency> dependencies = new ArrayList<>();
                                    for (int k = 0; k < predecessors.size(); k++) {
                                        dependencies.add(new Dependency("P" + predecessors.get(k), lags.get(k)));
                                    }
                                    return dependencies;
                                }));
                activities.add(Combinators.combine(Arbitraries.integers().between(0, 60),
                        Arbitraries.integers().between(1, 90), links).as((release, duration, dependencies) ->
                        new Activity("P" + index, ORIGIN.plusDays(release), ORIGIN.plusDays(release + duration),
                                dependencies)));
            }
            return Combinators.combine(activities).as(list -> list);
        });
    }

    @Property(tries = 60)
    void criticalPathLengthIsTheShortestMakespanCpSatFinds(@ForAll("networks") List<Activity> network) {
        CriticalPath.Result result = CriticalPath.compute(network);
        assertThat(result.lengthDays()).isEqualTo(shortestMakespan(network));
    }

    @Property(tries = 200)
    void floatsAreNeverNegativeAndEarlyDatesKeepEveryLink(@ForAll("networks") List<Activity> network) {
        CriticalPath.Result result = CriticalPath.compute(network);
        Map<String, ScheduledPackage> byCode = result.byCode();
        assertThat(result.criticalPath()).isNotEmpty();
        for (Activity activity : network) {
            ScheduledPackage p = byCode.get(activity.code());
            assertThat(p.totalFloatDays()).isGreaterThanOrEqualTo(0);
            assertThat(p.earlyStart()).isAfterOrEqualTo(activity.plannedStart());
            assertThat(p.lateFinish()).isBeforeOrEqualTo(result.finish());
            for (Dependency link : activity.predecessors()) {
                assertThat(p.earlyStart()).isAfterOrEqualTo(byCode.get(link.code()).earlyFinish()
                        .plusDays(link.lagDays()));
                assertThat(p.lateStart()).isAfterOrEqualTo(byCode.get(link.code()).lateFinish()
                        .plusDays(link.lagDays()));
            }
        }
    }

    /** A CP-SAT model of the network: minimise the latest finish, measured from the earliest planned start. */
    static long shortestMakespan(List<Activity> network) {
        Loader.loadNativeLibraries();
        LocalDate origin = network.stream().map(Activity::plannedStart).min(LocalDate::compareTo).orElseThrow();
        CpModel model = new CpModel();
        long horizon = 10_000;
        Map<String, IntVar> starts = new HashMap<>();
        Map<String, Long> durations = new HashMap<>();
        for (Activity activity : network) {
            long release = ChronoUnit.DAYS.between(origin, activity.plannedStart());
            starts.put(activity.code(), model.newIntVar(release, horizon, activity.code()));
            durations.put(activity.code(), activity.duration());
        }
        IntVar makespan = model.newIntVar(0, horizon + 1_000, "makespan");
        for (Activity activity : network) {
            IntVar start = starts.get(activity.code());
            model.addGreaterOrEqual(makespan, LinearExpr.affine(start, 1, durations.get(activity.code())));
            for (Dependency link : activity.predecessors()) {
                model.addGreaterOrEqual(start, LinearExpr.affine(starts.get(link.code()), 1,
                        durations.get(link.code()) + link.lagDays()));
            }
        }
        model.minimize(makespan);
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1);
        assertThat(solver.solve(model)).isEqualTo(CpSolverStatus.OPTIMAL);
        return solver.value(makespan);
    }
}
