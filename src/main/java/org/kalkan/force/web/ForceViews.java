package org.kalkan.force.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.ForceRequirements.StatedRequirement;
import org.kalkan.force.Offer;
import org.kalkan.force.SourcingPlan;
import org.kalkan.force.SourcingRequest;
import org.kalkan.force.StoredPlan;
import org.kalkan.force.UnitReadiness;
import org.kalkan.shared.Dtg;
import org.springframework.stereotype.Component;

/** Helpers for the force pages ({@code @forceViews} in templates) and the rows they show. */
@Component("forceViews")
public class ForceViews {

    /** Notice to move up to this many hours is green, up to {@link #AMBER_HOURS} amber, beyond red. */
    public static final int GREEN_HOURS = 24;
    public static final int AMBER_HOURS = 72;

    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public String dtg(@Nullable Instant instant) {
        return instant == null ? "" : Dtg.of(instant);
    }

    /** {@code green}, {@code amber} or {@code red} for a notice to move in hours. */
    public String readiness(int noticeToMoveHours) {
        return noticeToMoveHours <= GREEN_HOURS ? "green" : noticeToMoveHours <= AMBER_HOURS ? "amber" : "red";
    }

    public int greenHours() {
        return GREEN_HOURS;
    }

    public int amberHours() {
        return AMBER_HOURS;
    }

    /**
     * A unit of the registry table with its readiness colour (notice to move) and its training readiness per
     * capability, computed by the training module (empty without one, or when never evaluated).
     */
    public record UnitRow(org.kalkan.force.ForceUnit unit, String readiness,
            List<UnitReadiness.CapabilityReadiness> training) {
    }

    /** {@code green}, {@code yellow}, {@code amber} or {@code red} for a training readiness state. */
    public String trainingColour(String state) {
        return switch (state) {
            case "READY" -> "green";
            case "EXPIRING" -> "yellow";
            case "DEGRADED" -> "amber";
            default -> "red";
        };
    }

    /** A requirement on the board: its requests per nation, the offers, and how the latest plan fills it. */
    public record BoardRow(StatedRequirement stated, List<SourcingRequest> requests, List<Offer> offers,
            @Nullable Integer filled, List<String> gapReasons) {

        public String state() {
            if (filled == null) {
                return "unplanned";
            }
            return filled >= stated.requirement().quantity() ? "filled" : "gap";
        }
    }

    /** A request addressed to the reader's nation, with its requirement and the nation's offers for it. */
    public record IncomingRow(SourcingRequest request, StatedRequirement stated, List<Offer> offers) {
    }

    /**
     * A plan's assignment with the names a reader needs: the unit's name and the requirement (null when the reader
     * may no longer read it), and how many hours before it is needed the unit arrives (negative: late).
     */
    public record AssignmentRow(SourcingPlan.Assignment assignment, String unitName,
            org.kalkan.force.@Nullable Requirement requirement, long marginHours) {
    }

    /** A plan's gap with its requirement (null when the reader may no longer read it). */
    public record GapRow(SourcingPlan.Gap gap, org.kalkan.force.@Nullable Requirement requirement) {
    }

    static BoardRow row(StatedRequirement stated, List<SourcingRequest> requests, List<Offer> offers,
            @Nullable StoredPlan latest) {
        UUID id = stated.requirement().id();
        Integer filled = null;
        List<String> reasons = List.of();
        if (latest != null && latest.requirementIds().contains(id)) {
            filled = (int) latest.plan().assignments().stream().filter(a -> a.requirementId().equals(id)).count();
            reasons = latest.plan().gaps().stream().filter(g -> g.requirementId().equals(id))
                    .flatMap(g -> g.reasons().stream()).toList();
        }
        return new BoardRow(stated, requests.stream().filter(r -> r.requirementId().equals(id)).toList(),
                offers.stream().filter(o -> o.requirementId().equals(id)).toList(), filled, reasons);
    }
}
