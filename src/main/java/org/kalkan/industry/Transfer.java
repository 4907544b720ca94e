package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/** A recorded transfer citing the licence used, or a refused one with the reason; under the programme's label. */
public record Transfer(TransferId id, ProgrammeId programme, String item, String controlEntry, String from,
        String to, String endUser, BigDecimal value, LocalDate date, TransferStatus status,
        @Nullable LicenceId licence, @Nullable String licenceReference, @Nullable String reason, String createdBy,
        Instant createdAt, SecurityLabel label, String originNation) {
}
