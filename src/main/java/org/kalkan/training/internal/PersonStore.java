package org.kalkan.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.UnitId;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.kalkan.training.Completion;
import org.kalkan.training.CourseId;
import org.kalkan.training.LanguageProfile;
import org.kalkan.training.Outcome;
import org.kalkan.training.Person;
import org.kalkan.training.PersonDraft;
import org.kalkan.training.PersonId;
import org.kalkan.training.Qualification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for personnel records, their completions and qualifications. Reads for a person filter on alias {@code p}. */
@Repository
class PersonStore {

    private final JdbcClient jdbc;

    PersonStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PersonId id, PersonDraft d, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO training_person (id, service_number, name, rank, nation, unit_id, clearance, classification,
                    releasable_to, origin_nation, created_by, created_at)
                VALUES (:id, :number, :name, :rank, :nation, :unit, :clearance, :classification, :releasable, :nation,
                    :by, :now)""")
                .param("id", id.value()).param("number", d.serviceNumber()).param("name", d.name())
                .param("rank", d.rank()).param("nation", d.nation().value())
                .param("unit", d.unit() == null ? null : d.unit().value()).param("clearance", d.clearance().rank())
                .param("classification", LabelColumns.classification(d.label()))
                .param("releasable", LabelColumns.releasableTo(d.label())).param("by", by)
                .param("now", Timestamp.from(now)).update();
        for (LanguageProfile language : d.languages()) {
            jdbc.sql("INSERT INTO training_person_language (person_id, language, profile) VALUES (:p, :l, :s)")
                    .param("p", id.value()).param("l", language.language()).param("s", language.profile()).update();
        }
    }

    boolean exists(NationCode nation, String serviceNumber) {
        return jdbc.sql("SELECT count(*) FROM training_person WHERE nation = :n AND service_number = :s")
                .param("n", nation.value()).param("s", serviceNumber).query(Long.class).single() > 0;
    }

    Optional<Person> find(LabelFilter filter, PersonId id) {
        return withLanguages(jdbc.sql("SELECT p.* FROM training_person p WHERE p.id = :id AND " + filter.sql())
                .param("id", id.value()).params(filter.parameters()).query(PersonStore::person).list())
                .stream().findFirst();
    }

    /** Without a label check: for rules and counts that never show the person. */
    Optional<Person> findUnchecked(PersonId id) {
        return withLanguages(jdbc.sql("SELECT p.* FROM training_person p WHERE p.id = :id").param("id", id.value())
                .query(PersonStore::person).list()).stream().findFirst();
    }

    List<Person> list(LabelFilter filter, @Nullable String nation, int limit) {
        return withLanguages(jdbc.sql("SELECT p.* FROM training_person p WHERE " + filter.sql()
                        + " AND (CAST(:nation AS TEXT) IS NULL OR p.nation = :nation) ORDER BY p.nation, p.name"
                        + " LIMIT :limit")
                .params(filter.parameters()).param("nation", nation).param("limit", limit)
                .query(PersonStore::person).list());
    }

    /** Names of the people with these ids whom the filter lets the reader see. */
    Map<UUID, Person> readable(LabelFilter filter, List<UUID> ids) {
        Map<UUID, Person> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        withLanguages(jdbc.sql("SELECT p.* FROM training_person p WHERE p.id = ANY(:ids) AND " + filter.sql())
                .param("ids", ids.toArray(UUID[]::new)).params(filter.parameters()).query(PersonStore::person).list())
                .forEach(p -> found.put(p.id().value(), p));
        return found;
    }

    private List<Person> withLanguages(List<Person> people) {
        if (people.isEmpty()) {
            return people;
        }
        Map<UUID, List<LanguageProfile>> languages = new HashMap<>();
        jdbc.sql("SELECT * FROM training_person_language WHERE person_id = ANY(:ids) ORDER BY language")
                .param("ids", people.stream().map(p -> p.id().value()).toArray(UUID[]::new))
                .query(rs -> {
                    languages.computeIfAbsent(Rows.uuid(rs, "person_id"), k -> new ArrayList<>())
                            .add(new LanguageProfile(rs.getString("language"), rs.getString("profile")));
                });
        return people.stream().map(p -> new Person(p.id(), p.serviceNumber(), p.name(), p.rank(), p.nation(),
                p.unit(), p.clearance(), languages.getOrDefault(p.id().value(), List.of()), p.label(), p.createdAt(),
                p.version())).toList();
    }

    // ---- completions and qualifications

    void insertCompletion(UUID id, PersonId person, CourseId course, Outcome outcome, LocalDate on, String source,
            String by, Instant now) {
        jdbc.sql("""
                INSERT INTO training_completion (id, person_id, course_id, outcome, completed_on, source, recorded_by,
                    recorded_at)
                VALUES (:id, :person, :course, :outcome, :on, :source, :by, :now)""")
                .param("id", id).param("person", person.value()).param("course", course.value())
                .param("outcome", outcome.name()).param("on", Rows.sqlDate(on)).param("source", source)
                .param("by", by).param("now", Timestamp.from(now)).update();
    }

    List<Completion> completions(PersonId person) {
        return jdbc.sql("""
                SELECT x.*, c.code FROM training_completion x JOIN training_course c ON c.id = x.course_id
                WHERE x.person_id = :p ORDER BY x.completed_on DESC, x.recorded_at DESC""")
                .param("p", person.value())
                .query((rs, i) -> new Completion(Rows.uuid(rs, "id"), person, rs.getString("code"),
                        Outcome.valueOf(rs.getString("outcome")), Rows.date(rs, "completed_on"),
                        rs.getString("source"), rs.getString("recorded_by")))
                .list();
    }

    /** Codes of the courses the person completed or passed. */
    Set<String> completedCourses(PersonId person) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT c.code FROM training_completion x JOIN training_course c ON c.id = x.course_id
                WHERE x.person_id = :p AND x.outcome <> 'FAILED'""")
                .param("p", person.value()).query(String.class).list());
    }

    /** Supersedes the person's current grants of the qualification from the day of the new one. */
    void supersede(PersonId person, String code, LocalDate on) {
        jdbc.sql("""
                UPDATE training_qualification SET superseded_on = :on
                WHERE person_id = :p AND code = :code AND superseded_on IS NULL""")
                .param("p", person.value()).param("code", code).param("on", Rows.sqlDate(on)).update();
    }

    void insertQualification(UUID id, PersonId person, String code, CourseId course, LocalDate earnedOn,
            LocalDate validUntil, LocalDate graceUntil, String evidence, Instant now) {
        jdbc.sql("""
                INSERT INTO training_qualification (id, person_id, code, course_id, earned_on, valid_until, grace_until,
                    evidence, created_at)
                VALUES (:id, :person, :code, :course, :earned, :valid, :grace, :evidence, :now)""")
                .param("id", id).param("person", person.value()).param("code", code).param("course", course.value())
                .param("earned", Rows.sqlDate(earnedOn)).param("valid", Rows.sqlDate(validUntil))
                .param("grace", Rows.sqlDate(graceUntil)).param("evidence", evidence)
                .param("now", Timestamp.from(now)).update();
    }

    List<Qualification> qualifications(PersonId person) {
        return jdbc.sql("""
                SELECT q.*, c.code AS course_code FROM training_qualification q
                JOIN training_course c ON c.id = q.course_id
                WHERE q.person_id = :p ORDER BY q.code, q.earned_on DESC""")
                .param("p", person.value()).query(PersonStore::qualification).list();
    }

    static Qualification qualification(ResultSet rs, int row) throws SQLException {
        return new Qualification(Rows.uuid(rs, "id"), new PersonId(Rows.uuid(rs, "person_id")), rs.getString("code"),
                rs.getString("course_code"), Rows.date(rs, "earned_on"), Rows.date(rs, "valid_until"),
                Rows.date(rs, "grace_until"), rs.getString("evidence"), Rows.optionalDate(rs, "superseded_on"),
                Rows.optionalInstant(rs, "expired_at"));
    }

    /** Rows of the aggregate: people holding each qualification on the day, per nation and unit. */
    record Count(String nation, @Nullable UUID unit, String qualification, int qualified, int expiring) {
    }

    List<Count> counts(LocalDate day, LocalDate expiringBefore) {
        return jdbc.sql("""
                SELECT p.nation, p.unit_id, q.code, count(DISTINCT p.id) AS qualified,
                       count(DISTINCT p.id) FILTER (WHERE q.valid_until < :soon) AS expiring
                FROM training_qualification q JOIN training_person p ON p.id = q.person_id
                WHERE q.earned_on <= :day AND q.grace_until > :day
                  AND (q.superseded_on IS NULL OR q.superseded_on > :day)
                GROUP BY p.nation, p.unit_id, q.code ORDER BY p.nation, q.code""")
                .param("day", Rows.sqlDate(day)).param("soon", Rows.sqlDate(expiringBefore))
                .query((rs, i) -> new Count(rs.getString("nation").strip(), Rows.optionalUuid(rs, "unit_id"),
                        rs.getString("code"), rs.getInt("qualified"), rs.getInt("expiring")))
                .list();
    }

    /** People of the unit holding the qualification on the day, and how many of them only until {@code soon}. */
    int[] unitCount(UnitId unit, String qualification, LocalDate day, LocalDate soon) {
        return jdbc.sql("""
                SELECT count(DISTINCT p.id) AS qualified,
                       count(DISTINCT p.id) FILTER (WHERE q.valid_until < :soon) AS expiring
                FROM training_qualification q JOIN training_person p ON p.id = q.person_id
                WHERE p.unit_id = :unit AND q.code = :code AND q.earned_on <= :day AND q.grace_until > :day
                  AND (q.superseded_on IS NULL OR q.superseded_on > :day)""")
                .param("unit", unit.value()).param("code", qualification).param("day", Rows.sqlDate(day))
                .param("soon", Rows.sqlDate(soon))
                .query((rs, i) -> new int[] {rs.getInt("qualified"), rs.getInt("expiring")}).single();
    }

    /** A qualification with the person's nation, name and label, for reminders and expiry records. */
    record Due(UUID id, UUID person, NationCode nation, String name, String code, LocalDate validUntil,
            LocalDate graceUntil, SecurityLabel label) {
    }

    List<Due> dueForReminder(LocalDate remindFrom) {
        return due("q.reminded_at IS NULL AND q.valid_until <= :day", remindFrom);
    }

    List<Due> dueForExpiry(LocalDate today) {
        return due("q.expired_at IS NULL AND q.grace_until <= :day", today);
    }

    private List<Due> due(String condition, LocalDate day) {
        return jdbc.sql("SELECT q.id, q.person_id, q.code, q.valid_until, q.grace_until, p.nation, p.name,"
                        + " p.classification, p.releasable_to FROM training_qualification q"
                        + " JOIN training_person p ON p.id = q.person_id WHERE q.superseded_on IS NULL AND " + condition
                        + " ORDER BY q.valid_until LIMIT 500")
                .param("day", Rows.sqlDate(day))
                .query((rs, i) -> new Due(Rows.uuid(rs, "id"), Rows.uuid(rs, "person_id"),
                        NationCode.of(rs.getString("nation").strip()), rs.getString("name"), rs.getString("code"),
                        Rows.date(rs, "valid_until"), Rows.date(rs, "grace_until"), LabelColumns.read(rs)))
                .list();
    }

    /** Marks the reminder sent; false if another poller (or node) sent it first. */
    boolean reminded(UUID qualification, Instant now) {
        return jdbc.sql("UPDATE training_qualification SET reminded_at = :now WHERE id = :id AND reminded_at IS NULL")
                .param("id", qualification).param("now", Timestamp.from(now)).update() == 1;
    }

    /** Records the expiry; false if another poller (or node) recorded it first. */
    boolean expired(UUID qualification, Instant now) {
        return jdbc.sql("UPDATE training_qualification SET expired_at = :now WHERE id = :id AND expired_at IS NULL")
                .param("id", qualification).param("now", Timestamp.from(now)).update() == 1;
    }

    private static Person person(ResultSet rs, int row) throws SQLException {
        UUID unit = Rows.optionalUuid(rs, "unit_id");
        return new Person(new PersonId(Rows.uuid(rs, "id")), rs.getString("service_number"), rs.getString("name"),
                rs.getString("rank"), NationCode.of(rs.getString("nation").strip()),
                unit == null ? null : new UnitId(unit), Classification.ofRank(rs.getInt("clearance")), List.of(),
                LabelColumns.read(rs), Rows.instant(rs, "created_at"), rs.getInt("version"));
    }
}
