package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.LicenceType;

/**
 * The export-licence rules, pure. A licence covers a transfer when it is issued by the exporting nation, not revoked,
 * lists the control entry and the destination, lists the end user (a GENERAL licence serves every end user in its
 * destinations), is valid on the transfer date (both ends inclusive), is in the transfer's currency and its
 * remaining ceiling (ceiling minus transfers already made under it; no ceiling = unlimited) is at least the value.
 * Of several covering licences the most specific is used: INDIVIDUAL, then GLOBAL, then GENERAL, then the one
 * expiring first. A refusal lists, per licence of the exporting nation, every rule it fails.
 */
final class LicenceGate {

    private LicenceGate() {
    }

    /** A licence as the gate sees it, with the value already used under it. */
    record Candidate(String id, String reference, String issuingNation, LicenceType type, Set<String> controlEntries,
            Set<String> destinations, Set<String> endUsers, LocalDate validFrom, LocalDate validUntil,
            @Nullable BigDecimal ceiling, String currency, BigDecimal used, boolean revoked) {

        @Nullable BigDecimal remaining() {
            return ceiling == null ? null : ceiling.subtract(used);
        }
    }

    record Request(String controlEntry, String from, String to, String endUser, BigDecimal value, String currency,
            LocalDate date) {
    }

    /** The licence used, or none with the reasons. */
    record Outcome(@Nullable Candidate licence, List<String> reasons) {

        boolean covered() {
            return licence != null;
        }
    }

    static Outcome decide(List<Candidate> licences, Request request) {
        List<Candidate> ownLicences = licences.stream().filter(l -> l.issuingNation().equals(request.from()))
                .sorted(Comparator.comparing((Candidate l) -> l.type().ordinal()).thenComparing(Candidate::validUntil)
                        .thenComparing(Candidate::reference))
                .toList();
        List<String> reasons = new ArrayList<>();
        for (Candidate licence : ownLicences) {
            List<String> failures = failures(licence, request);
            if (failures.isEmpty()) {
                return new Outcome(licence, List.of());
            }
            reasons.add("licence " + licence.reference() + ": " + String.join("; ", failures));
        }
        if (ownLicences.isEmpty()) {
            reasons.add(request.from() + " has issued no export licence you can see");
        }
        return new Outcome(null, reasons);
    }

    static List<String> failures(Candidate licence, Request request) {
        List<String> failures = new ArrayList<>();
        if (licence.revoked()) {
            failures.add("revoked");
        }
        if (!licence.controlEntries().contains(request.controlEntry())) {
            failures.add("does not list control entry " + request.controlEntry());
        }
        if (!licence.destinations().contains(request.to())) {
            failures.add("does not list destination " + request.to());
        }
        if (licence.type() != LicenceType.GENERAL && !licence.endUsers().contains(request.endUser())) {
            failures.add("does not list end user '" + request.endUser() + "'");
        }
        if (request.date().isBefore(licence.validFrom())) {
            failures.add("not valid before " + licence.validFrom());
        }
        if (request.date().isAfter(licence.validUntil())) {
            failures.add("expired on " + licence.validUntil());
        }
        if (!licence.currency().equals(request.currency())) {
            failures.add("its ceiling is in " + licence.currency() + ", the transfer in " + request.currency());
        } else if (licence.remaining() != null && licence.remaining().compareTo(request.value()) < 0) {
            failures.add("remaining value " + licence.remaining().toPlainString() + " " + licence.currency()
                    + " is less than " + request.value().toPlainString());
        }
        return failures;
    }

    /** What a refusal says: the transfer, and why no licence covers it. */
    static String refusal(Request request, List<String> reasons) {
        return "No licence covers the transfer of " + request.controlEntry() + " from " + request.from() + " to "
                + request.to() + " for end user '" + request.endUser() + "' worth " + request.value().toPlainString()
                + " " + request.currency() + " on " + request.date() + ": " + String.join(" | ", reasons) + ".";
    }
}
