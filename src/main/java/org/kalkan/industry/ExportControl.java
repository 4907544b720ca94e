package org.kalkan.industry;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * Export licences and the gate every transfer passes: a transfer is recorded only under a valid licence of the
 * exporting nation that covers its control entry, destination, end user, date and remaining value; otherwise it is
 * refused (409) with what no licence covers. Transfers and refusals are audited and listed.
 */
public interface ExportControl {

    /** A programme manager records a licence issued by their own nation. */
    Licence issue(Subject subject, NewLicence licence);

    /** Readable licences, soonest expiry first. */
    List<Licence> licences(Subject subject);

    Licence licence(Subject subject, LicenceId id);

    Licence revoke(Subject subject, LicenceId id);

    /** Records the transfer under the licence that covers it, or refuses it (recording the refusal). */
    Transfer transfer(Subject subject, TransferRequest request);

    /** Readable transfers and refusals, newest first ({@code programme} null = every readable programme). */
    List<Transfer> transfers(Subject subject, @Nullable ProgrammeId programme);
}
