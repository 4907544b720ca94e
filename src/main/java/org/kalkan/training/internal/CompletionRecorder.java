package org.kalkan.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.kalkan.training.Agent;
import org.kalkan.training.Course;
import org.kalkan.training.Grant;
import org.kalkan.training.LearningStatement;
import org.kalkan.training.Outcome;
import org.kalkan.training.Person;
import org.kalkan.training.QualificationEarned;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records that a person finished a course, in the caller's transaction: the completion; for a pass, the course's
 * qualification (superseding the person's current grant of it, so the history shows the recertification) and
 * {@link QualificationEarned}; and, unless the record came from a learning system, Kalkan's own xAPI statement of it.
 */
@Component
class CompletionRecorder {

    /** Kalkan's own statements are stored as this xAPI version and on this authority. */
    static final String EMITTED_VERSION = "1.0.3";
    static final String AUTHORITY = "kalkan";

    private final PersonStore people;
    private final StatementStore statements;
    private final NodeIdentity node;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CompletionRecorder(PersonStore people, StatementStore statements, NodeIdentity node,
            ApplicationEventPublisher events, Clock clock) {
        this.people = people;
        this.statements = statements;
        this.node = node;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param source {@code session:<id>} or {@code xapi:<statement id>}
     * @param emit whether Kalkan states it as an xAPI statement of its own
     */
    void record(Person person, Course course, Outcome outcome, LocalDate on, String source, String by,
            boolean emit) {
        var now = clock.instant();
        people.insertCompletion(UUID.randomUUID(), person.id(), course.id(), outcome, on, source, by, now);
        Grant grant = course.grants();
        if (outcome == Outcome.PASSED && grant != null) {
            people.supersede(person.id(), grant.qualification(), on);
            LocalDate validUntil = grant.validUntil(on);
            people.insertQualification(UUID.randomUUID(), person.id(), grant.qualification(), course.id(), on,
                    validUntil, grant.graceUntil(on), course.code() + " passed (" + source + ")", now);
            events.publishEvent(new QualificationEarned(person.id(), person.nation(), grant.qualification(),
                    course.code(), on, validUntil, source, person.label()));
        }
        if (emit) {
            LearningStatement statement = new LearningStatement(UUID.randomUUID(),
                    Agent.account(node.homePage(), person.id().toString(), null), verb(outcome),
                    node.courseActivity(course.code()), course.code() + " " + course.title(),
                    outcome == Outcome.COMPLETED ? null : outcome == Outcome.PASSED, Boolean.TRUE,
                    on.atStartOfDay(ZoneOffset.UTC).toInstant(), null);
            statements.insert(new StatementStore.Row(statement, null, AUTHORITY, EMITTED_VERSION, now,
                    person.id().value(), person.label(), person.nation()));
        }
    }

    private static String verb(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> LearningStatement.PASSED;
            case COMPLETED -> LearningStatement.COMPLETED;
            case FAILED -> LearningStatement.FAILED;
        };
    }
}
