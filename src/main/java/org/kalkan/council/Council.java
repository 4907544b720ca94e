package org.kalkan.council;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/**
 * The Joint Defense Council for the current user. Reads return only what the user may read (a record they may
 * not read is "not found"); writes check the role and nation, validate everything, and are audited.
 * Refusals are the domain refusals of {@code org.kalkan.shared}: 403, 404 (also for a record the caller may not
 * read) or 409 (wrong state); a decision that does not bind every member is 400 with each fault named.
 */
public interface Council {

    /** A member delegate requests consultations for their nation; put on the agenda of the next session. */
    Consultation requestConsultation(ConsultationRequest request);

    List<Consultation> consultations();

    Consultation consultation(ConsultationId id);

    /** The chair closes a consultation once the Council has dealt with it. */
    Consultation closeConsultation(ConsultationId id);

    /** The chair circulates a draft under silence or for consensus. */
    Decision circulate(DecisionDraft draft);

    /** The chair re-circulates a decision whose silence was broken as its next version. */
    Decision revise(DecisionId id, Revision revision);

    /** A member delegate breaks silence for their nation ({@code nation} null = their own). */
    Decision breakSilence(DecisionId id, @Nullable String nation, @Nullable String statement);

    /** A member delegate takes their nation's position ({@code nation} null = their own). */
    Decision takePosition(DecisionId id, @Nullable String nation, @Nullable PositionKind kind,
            @Nullable String statement);

    /** The chair closes a decision under consensus: adopted, adopted with reservations, or not adopted. */
    Decision close(DecisionId id);

    Decision decision(DecisionId id);

    /** Readable decisions, newest first. */
    List<Decision> decisions();

    /** Readable adopted decisions in register order. */
    List<Decision> register();

    List<Measure> measures();

    /** Readable sessions, latest first, each with the part of its agenda the reader may see. */
    List<Session> sessions();

    /** The chair schedules a session. */
    Session scheduleSession(@Nullable LocalDate heldOn, @Nullable SecurityLabel label);

    /** The chair records the minutes of a session. */
    Session recordMinutes(UUID sessionId, @Nullable String minutes);
}
