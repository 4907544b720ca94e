package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A transfer of an item or technical data of a programme from one nation to another, in the programme's currency. */
public record TransferRequest(ProgrammeId programme, String item, String controlEntry, String from, String to,
        String endUser, BigDecimal value, LocalDate date) {
}
