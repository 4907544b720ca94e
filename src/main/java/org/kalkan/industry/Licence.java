package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * An export licence with the value already used by transfers, what remains of its ceiling (null = no ceiling) and
 * whether it has expired or expires within the warning period.
 */
public record Licence(LicenceId id, String reference, String issuingNation, LicenceType type,
        List<String> controlEntries, List<String> destinations, List<String> endUsers, LocalDate validFrom,
        LocalDate validUntil, @Nullable BigDecimal ceiling, String currency, BigDecimal used,
        @Nullable BigDecimal remaining, boolean revoked, boolean expired, boolean expiringSoon, SecurityLabel label) {

    public Licence {
        controlEntries = List.copyOf(controlEntries);
        destinations = List.copyOf(destinations);
        endUsers = List.copyOf(endUsers);
    }
}
