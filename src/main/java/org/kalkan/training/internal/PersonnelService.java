package org.kalkan.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.ForceRegistry;
import org.kalkan.force.ForceUnit;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.Subject;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.training.Candidate;
import org.kalkan.training.Person;
import org.kalkan.training.PersonDraft;
import org.kalkan.training.PersonId;
import org.kalkan.training.PersonRecord;
import org.kalkan.training.Personnel;
import org.kalkan.training.Qualification;
import org.kalkan.training.QualifiedCount;
import org.kalkan.training.TrainingProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personnel records: a nation's training managers register its people (in its own units); names are read only
 * through the labels; aggregates (counts, no names) are for everyone, with unit names only where the reader may
 * read the unit.
 */
@Service
class PersonnelService implements Personnel {

    private static final int LIST_LIMIT = 1000;

    private final PersonStore people;
    private final SessionStore sessions;
    private final ForceRegistry forces;
    private final NationDirectory nations;
    private final TrainingAccess access;
    private final TrainingProperties properties;
    private final Clock clock;

    PersonnelService(PersonStore people, SessionStore sessions, ForceRegistry forces, NationDirectory nations,
            TrainingAccess access, TrainingProperties properties, Clock clock) {
        this.people = people;
        this.sessions = sessions;
        this.forces = forces;
        this.nations = nations;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Person register(Subject manager, PersonDraft draft) {
        if (!nations.isKnownNation(draft.nation().value())) {
            throw new IllegalArgumentException("nation: unknown nation " + draft.nation());
        }
        access.requireManagerOf(manager, draft.nation(), "PERSON_REGISTER", "person:" + draft.serviceNumber());
        access.requireRealWorld(manager, "personnel are registered");
        access.checkWritable(manager, draft.label());
        if (draft.unit() != null) {
            ForceUnit unit = forces.find(manager.inRealWorld(), draft.unit());
            if (!unit.nation().equals(draft.nation())) {
                throw new IllegalArgumentException("unitId: the unit belongs to " + unit.nation() + ", not to "
                        + draft.nation());
            }
        }
        if (people.exists(draft.nation(), draft.serviceNumber())) {
            throw new RefusedException(draft.nation() + " has a person with service number " + draft.serviceNumber()
                    + " already.");
        }
        PersonId id = PersonId.random();
        people.insert(id, draft, manager.username(), clock.instant());
        access.record(manager, "PERSON_REGISTERED", "person:" + id, draft.nation() + " " + draft.rank() + " "
                + draft.label().marking());
        return find(manager, id).person();
    }

    @Override
    @Transactional(readOnly = true)
    public PersonRecord find(Subject subject, PersonId id) {
        Person person = readable(subject, id);
        return new PersonRecord(person, people.completions(id), people.qualifications(id),
                sessions.nominationsOf(id));
    }

    /** The person if the subject may read the record; otherwise an audited 404 that reveals nothing. */
    Person readable(Subject subject, PersonId id) {
        Person person = people.find(access.filter(subject, "p"), id).orElseThrow(() -> {
            access.denied(subject, "READ", "person:" + id, "not found or not readable");
            return NotFoundException.noVisible("person");
        });
        access.assertReadable(subject, person.label(), person.nation(), "person:" + id);
        return person;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Person> list(Subject subject, @Nullable String nation) {
        List<Person> found = people.list(access.filter(subject, "p"), nation == null || nation.isBlank() ? null
                : nation.strip(), LIST_LIMIT);
        found.forEach(p -> access.assertReadable(subject, p.label(), p.nation(), "person:" + p.id()));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public List<QualifiedCount> aggregates(Subject subject) {
        LocalDate today = today();
        Map<java.util.UUID, String> unitNames = new HashMap<>();
        forces.list(subject, null, null, null).forEach(u -> unitNames.put(u.id().value(), u.details().name()));
        // Units the reader may not read are summed into their nation's row without a name: no hidden unit shows.
        Map<String, int[]> sums = new LinkedHashMap<>();
        for (PersonStore.Count count : people.counts(today, today.plus(properties.expiringWithin()))) {
            String unitName = count.unit() == null ? null : unitNames.get(count.unit());
            String key = count.nation() + "\u0000" + (unitName == null ? "" : unitName) + "\u0000"
                    + count.qualification();
            sums.merge(key, new int[] {count.qualified(), count.expiring()},
                    (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]});
        }
        List<QualifiedCount> result = new ArrayList<>();
        sums.forEach((key, values) -> {
            String[] parts = key.split("\u0000", -1);
            result.add(new QualifiedCount(parts[0], parts[1].isEmpty() ? null : parts[1], parts[2], values[0],
                    values[1]));
        });
        return result;
    }

    /** What the nomination rules need to know about the person on the day. */
    Candidate candidate(Person person, LocalDate day) {
        Set<String> valid = people.qualifications(person.id()).stream()
                .filter(q -> q.stateOn(day) == Qualification.State.VALID).map(Qualification::code)
                .collect(Collectors.toSet());
        return new Candidate(person.clearance(), person.languages(), people.completedCourses(person.id()), valid);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
