package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * An export licence to record: issuing nation, type, control-list entries (e.g. Wassenaar {@code ML10}), permitted
 * destinations and end users, validity (both days inclusive) and value ceiling (null = none, GENERAL only).
 */
public record NewLicence(@Nullable String reference, String issuingNation, LicenceType type,
        List<String> controlEntries, List<String> destinations, List<String> endUsers, LocalDate validFrom,
        LocalDate validUntil, @Nullable BigDecimal ceiling, String currency, SecurityLabel label) {

    public NewLicence {
        controlEntries = List.copyOf(controlEntries);
        destinations = List.copyOf(destinations);
        endUsers = List.copyOf(endUsers);
    }
}
