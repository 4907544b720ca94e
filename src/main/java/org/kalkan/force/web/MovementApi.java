package org.kalkan.force.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.kalkan.force.MovementEstimate;
import org.kalkan.force.MovementMode;
import org.kalkan.force.MovementPlanner;
import org.kalkan.shared.GeoPoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Movement estimates over the regional road, rail, Caspian ferry and air network. */
@RestController
class MovementApi {

    private final MovementPlanner planner;

    MovementApi(MovementPlanner planner) {
        this.planner = planner;
    }

    /**
     * {@code GET /api/v1/forces/movement-estimates?from=43.65,51.16&to=40.41,49.87&modes=ROAD,SEA&noticeToMoveHours=12}.
     * For a registered unit use {@code ?unitId=…&to=lat,lon} (see {@code UnitsApi}).
     */
    @GetMapping(path = "/api/v1/forces/movement-estimates", params = "from")
    MovementEstimate estimate(@RequestParam String from, @RequestParam String to,
            @RequestParam(defaultValue = "ROAD") String modes, @RequestParam(defaultValue = "0") double noticeToMoveHours) {
        return planner.estimate(point(from, "from"), point(to, "to"), modes(modes), noticeToMoveHours);
    }

    static GeoPoint point(String text, String name) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException(name + " must be lat,lon");
        }
        try {
            return new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be lat,lon in decimal degrees");
        }
    }

    static Set<MovementMode> modes(String text) {
        Set<MovementMode> modes = EnumSet.noneOf(MovementMode.class);
        for (String mode : text.split(",")) {
            try {
                modes.add(MovementMode.valueOf(mode.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown movement mode '" + mode + "'; one of "
                        + Arrays.toString(MovementMode.values()));
            }
        }
        return modes;
    }
}
