package org.kalkan.training;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * Sessions and nominations. The coordinator schedules sessions; a nation's training manager nominates its own
 * people, checked at once against the course's clearance and prerequisites (a refusal names each unmet one); a
 * nomination beyond the seats or its nation's quota waits and moves up when a seat frees; results are recorded
 * from the first day of the session and a pass grants the course's qualification.
 */
public interface Sessions {

    Session schedule(Subject coordinator, SessionDraft draft);

    Session find(Subject subject, SessionId id);

    /** Sessions the subject may read, soonest first; only those of the course when one is named. */
    List<Session> list(Subject subject, @Nullable String course);

    /** The session's nominations in seat order; persons the subject may not read appear without name. */
    List<RosterEntry> roster(Subject subject, SessionId id);

    /** Priority 1 (highest) to 5; 3 when not given. */
    Nomination nominate(Subject manager, SessionId session, PersonId person, @Nullable Integer priority);

    /** Withdraws a nomination; a seat it held goes to the first waiting nomination that may take it. */
    Nomination withdraw(Subject subject, SessionId session, NominationId nomination);

    /** Records a result for a person holding a seat; PASSED grants the course's qualification. */
    Nomination recordResult(Subject coordinator, SessionId session, PersonId person, Outcome outcome);

    /**
     * Computes (and with {@code apply} puts in force) the allocation of the session's seats that gains the most
     * readiness within the seats and quotas.
     */
    Allocation allocate(Subject coordinator, SessionId session, boolean apply);
}
