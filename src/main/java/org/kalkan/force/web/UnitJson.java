package org.kalkan.force.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Caveats;
import org.kalkan.force.ForceUnit;
import org.kalkan.force.UnitDetails;
import org.kalkan.shared.SecurityLabel;

/** A unit as the API answers it. */
record UnitJson(UUID id, String nation, String name, String sidc, List<String> capabilities, int personnel,
        int noticeToMoveHours, Home home, List<String> movementModes, @Nullable Instant availableFrom,
        @Nullable Instant availableTo, boolean standingPool, Caveats caveats, SecurityLabel label, Instant updatedAt,
        int version) {

    record Home(double lat, double lon, String mgrs) {
    }

    static UnitJson of(ForceUnit unit) {
        UnitDetails d = unit.details();
        return new UnitJson(unit.id().value(), unit.nation().value(), d.name(), d.sidc(),
                d.capabilities().stream().map(Enum::name).sorted().toList(), d.personnel(), d.noticeToMoveHours(),
                new Home(d.home().lat(), d.home().lon(), d.home().mgrs()),
                d.movementModes().stream().map(Enum::name).sorted().toList(), d.availableFrom(), d.availableTo(),
                d.standingPool(), d.caveats(), d.label(), unit.updatedAt(), unit.version());
    }
}
