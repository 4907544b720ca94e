package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.kalkan.industry.Programme;
import org.kalkan.industry.Supplier;
import org.kalkan.industry.WorkPackage;

/**
 * Whether a supplier qualifies for a package: of a participating nation, cleared for the programme's
 * classification, AQAP-2110 certified through the package's planned finish, with remaining capacity for its budget,
 * and — when the package needs controlled technology and the supplier is abroad from the lead nation — a licence of
 * the lead nation that would cover the transfer of its control entry to the supplier on the planned start.
 */
final class Qualification {

    private Qualification() {
    }

    static List<String> failures(Programme programme, WorkPackage p, Supplier s,
            List<LicenceGate.Candidate> leadLicences) {
        List<String> failures = new ArrayList<>();
        if (!programme.nations().contains(s.nation())) {
            failures.add("not of a participating nation");
        }
        if (s.facilityClearance().compareTo(programme.label().classification()) < 0) {
            failures.add("facility clearance " + s.facilityClearance() + " below "
                    + programme.label().classification());
        }
        if (!s.certified(Supplier.AQAP_2110, p.plannedFinish().minusDays(1))) {
            failures.add("no " + Supplier.AQAP_2110 + " certificate valid through " + p.plannedFinish().minusDays(1));
        }
        if (s.remainingCapacity().compareTo(p.budget()) < 0) {
            failures.add("remaining capacity " + s.remainingCapacity().toPlainString() + " below the budget "
                    + p.budget().toPlainString());
        }
        if (p.controlEntry() != null && !s.nation().equals(programme.leadNation())) {
            boolean licensed = leadLicences.stream().anyMatch(l -> LicenceGate.failures(l, new LicenceGate.Request(
                    p.controlEntry(), programme.leadNation(), s.nation(), s.name(), BigDecimal.ZERO, l.currency(),
                    p.plannedStart())).isEmpty());
            if (!licensed) {
                failures.add("no licence of " + programme.leadNation() + " covers " + p.controlEntry() + " to "
                        + s.nation() + " for '" + s.name() + "' on " + p.plannedStart());
            }
        }
        return failures;
    }
}
