package org.kalkan.training.internal;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.training.Allocation;
import org.kalkan.training.NominationId;
import org.kalkan.training.PersonId;
import org.kalkan.training.Seating;
import org.kalkan.training.SessionId;
import org.springframework.stereotype.Component;

/**
 * Allocates the seats of an oversubscribed session with CP-SAT (as force sourcing does, ADR 0005): the readiness
 * gained is highest within the seats and every quota. A seat is worth {@link #FILLS_BILLET} when it fills an open
 * billet of the nominee's unit for the qualification the course grants (only as many as the unit lacks),
 * {@link #BASE} when it trains someone new to the qualification, and {@link #HOLDER} for someone who already holds it
 * beyond the horizon. Ties go to higher priority, then earlier arrival.
 */
@Component
class SeatAllocator {

    static {
        Loader.loadNativeLibraries();
    }

    static final int FILLS_BILLET = 100;
    static final int BASE = 10;
    static final int HOLDER = 1;
    private static final long SCALE = 1_000_000L;

    /** A nomination competing for a seat. {@code unit} null: no unit, or no billet for the qualification. */
    record Nominee(NominationId nomination, PersonId person, String nation, int priority, long arrival,
            @Nullable UUID unit, boolean holds) {
    }

    Allocation allocate(SessionId session, Seating seating, List<Nominee> nominees, Map<UUID, Integer> shortfalls,
            Map<UUID, String> unitNames, String qualification, Duration limit) {
        CpModel model = new CpModel();
        Map<Nominee, Literal> seat = new LinkedHashMap<>();
        for (Nominee n : nominees) {
            seat.put(n, model.newBoolVar("seat" + seat.size()));
        }
        model.addLessOrEqual(LinearExpr.sum(seat.values().toArray(Literal[]::new)), seating.seats());
        Map<String, List<Literal>> byNation = new HashMap<>();
        List<Literal> open = new ArrayList<>();
        for (Nominee n : nominees) {
            if (seating.quotas().containsKey(n.nation())) {
                byNation.computeIfAbsent(n.nation(), k -> new ArrayList<>()).add(seat.get(n));
            } else {
                open.add(seat.get(n));
            }
        }
        // byNation holds only nations with a quota (above).
        byNation.forEach((nation, seats) -> model.addLessOrEqual(LinearExpr.sum(seats.toArray(Literal[]::new)),
                Objects.requireNonNull(seating.quotas().get(nation))));
        if (!open.isEmpty()) {
            model.addLessOrEqual(LinearExpr.sum(open.toArray(Literal[]::new)), seating.openSeats());
        }
        // Order of arrival among all nominees, for the tie-break.
        List<Nominee> byArrival = nominees.stream().sorted(Comparator.comparingLong(Nominee::arrival)).toList();
        LinearExprBuilder objective = LinearExpr.newBuilder();
        for (Nominee n : nominees) {
            long tieBreak = (5 - n.priority()) * 1000L + (nominees.size() - byArrival.indexOf(n));
            objective.addTerm(seat.get(n), (n.holds() ? HOLDER : BASE) * SCALE + tieBreak);
        }
        Map<UUID, IntVar> filled = new HashMap<>();
        shortfalls.forEach((unit, shortfall) -> {
            List<Literal> members = nominees.stream().filter(n -> unit.equals(n.unit()) && !n.holds())
                    .map(seat::get).toList();
            if (shortfall > 0 && !members.isEmpty()) {
                IntVar f = model.newIntVar(0, shortfall, "filled" + filled.size());
                model.addLessOrEqual(f, LinearExpr.sum(members.toArray(Literal[]::new)));
                filled.put(unit, f);
                objective.addTerm(f, (FILLS_BILLET - BASE) * SCALE);
            }
        });
        model.maximize(objective);
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(Math.max(0.1, limit.toMillis() / 1000.0));
        solver.getParameters().setNumWorkers(Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            throw new IllegalStateException("the seat allocation found no answer: " + status);
        }
        return explain(session, seating, nominees, seat, solver, filled, unitNames, qualification,
                status == CpSolverStatus.OPTIMAL);
    }

    private static Allocation explain(SessionId session, Seating seating, List<Nominee> nominees,
            Map<Nominee, Literal> seat, CpSolver solver, Map<UUID, IntVar> filled, Map<UUID, String> unitNames,
            String qualification, boolean optimal) {
        Map<UUID, Long> billetSeats = new HashMap<>();
        filled.forEach((unit, f) -> billetSeats.put(unit, solver.value(f)));
        List<Allocation.Seat> seated = new ArrayList<>();
        Map<Nominee, Integer> gains = new HashMap<>();
        Map<String, Integer> heldByNation = new HashMap<>();
        int lowestSeated = Integer.MAX_VALUE;
        long total = 0;
        for (Nominee n : nominees.stream()
                .sorted(Comparator.comparingInt(Nominee::priority).thenComparingLong(Nominee::arrival)).toList()) {
            int gain = n.holds() ? HOLDER : BASE;
            String why;
            if (n.holds()) {
                why = "already holds " + qualification + " beyond the course";
            } else if (n.unit() != null && billetSeats.getOrDefault(n.unit(), 0L) > 0
                    && solver.booleanValue(seat.get(n))) {
                billetSeats.merge(n.unit(), -1L, Long::sum);
                gain = FILLS_BILLET;
                why = "fills an open " + qualification + " billet of " + unitNames.getOrDefault(n.unit(), "its unit");
            } else {
                why = "trains a new " + qualification + " holder";
            }
            gains.put(n, gain);
            if (solver.booleanValue(seat.get(n))) {
                seated.add(new Allocation.Seat(n.nomination(), n.person(), n.nation(), gain, "gain " + gain + ": "
                        + why));
                heldByNation.merge(n.nation(), 1, Integer::sum);
                lowestSeated = Math.min(lowestSeated, gain);
                total += gain;
            }
        }
        List<Allocation.Refusal> refused = new ArrayList<>();
        for (Nominee n : nominees) {
            if (solver.booleanValue(seat.get(n))) {
                continue;
            }
            int gain = Objects.requireNonNull(gains.get(n), "every nominee was given a gain above");
            String reason;
            boolean quota = seating.quotas().containsKey(n.nation());
            int heldOpen = heldByNation.entrySet().stream().filter(e -> !seating.quotas().containsKey(e.getKey()))
                    .mapToInt(Map.Entry::getValue).sum();
            if (quota && heldByNation.getOrDefault(n.nation(), 0) >= seating.limitFor(n.nation())) {
                reason = "the quota of " + n.nation() + " (" + seating.limitFor(n.nation()) + ") went to nominations "
                        + "gaining as much or more (gain " + gain + ")";
            } else if (!quota && heldOpen >= seating.openSeats() && seating.openSeats() < seating.seats()) {
                reason = "the " + seating.openSeats() + " seat(s) open to nations without a quota went to "
                        + "nominations gaining as much or more (gain " + gain + ")";
            } else {
                reason = "all " + seating.seats() + " seats went to nominations gaining as much or more (gain "
                        + gain + (lowestSeated == Integer.MAX_VALUE ? "" : " vs at least " + lowestSeated) + ")";
            }
            refused.add(new Allocation.Refusal(n.nomination(), n.person(), n.nation(), gain, reason));
        }
        return new Allocation(session, seated, refused, total, optimal, false);
    }
}
