package org.kalkan.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kalkan.platform.LabelColumns;
import org.kalkan.security.LabelFilter;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.training.Course;
import org.kalkan.training.CourseDraft;
import org.kalkan.training.CourseId;
import org.kalkan.training.CourseQuery;
import org.kalkan.training.Grant;
import org.kalkan.training.LanguageProfile;
import org.kalkan.training.Prerequisites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the catalogue. Reads for a person take the policy's filter on alias {@code c}. */
@Repository
class CourseStore {

    private final JdbcClient jdbc;

    CourseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CourseId id, CourseDraft d, NationCode origin, String by, Instant now) {
        jdbc.sql("""
                INSERT INTO training_course (id, code, title, objectives, delivering_nation, institution, language,
                    duration_days, minimum_clearance, prerequisite_courses, prerequisite_qualifications,
                    prerequisite_language, prerequisite_profile, grants_qualification, valid_for, grace_period,
                    classification, releasable_to, origin_nation, created_by, created_at, updated_at)
                VALUES (:id, :code, :title, :objectives, :nation, :institution, :language, :days, :clearance,
                    :courses, :qualifications, :prereqLanguage, :prereqProfile, :qualification, :validFor, :grace,
                    :classification, :releasable, :origin, :by, :now, :now)""")
                .param("id", id.value()).param("code", d.code()).params(columns(d))
                .param("origin", origin.value()).param("by", by).param("now", Timestamp.from(now)).update();
    }

    boolean update(CourseId id, CourseDraft d, int version, Instant now) {
        return jdbc.sql("""
                UPDATE training_course SET title = :title, objectives = :objectives, delivering_nation = :nation,
                    institution = :institution, language = :language, duration_days = :days,
                    minimum_clearance = :clearance, prerequisite_courses = :courses,
                    prerequisite_qualifications = :qualifications, prerequisite_language = :prereqLanguage,
                    prerequisite_profile = :prereqProfile, grants_qualification = :qualification,
                    valid_for = :validFor, grace_period = :grace, classification = :classification,
                    releasable_to = :releasable, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", id.value()).params(columns(d)).param("now", Timestamp.from(now))
                .param("version", version).update() == 1;
    }

    private static java.util.Map<String, Object> columns(CourseDraft d) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("title", d.title());
        p.put("objectives", d.objectives().toArray(String[]::new));
        p.put("nation", d.deliveringNation().value());
        p.put("institution", d.institution());
        p.put("language", d.language());
        p.put("days", d.durationDays());
        p.put("clearance", d.minimumClearance().rank());
        p.put("courses", d.prerequisites().courses().toArray(String[]::new));
        p.put("qualifications", d.prerequisites().qualifications().toArray(String[]::new));
        LanguageProfile language = d.prerequisites().language();
        p.put("prereqLanguage", language == null ? null : language.language());
        p.put("prereqProfile", language == null ? null : language.profile());
        Grant grant = d.grants();
        p.put("qualification", grant == null ? null : grant.qualification());
        p.put("validFor", grant == null ? null : grant.validFor().toString());
        p.put("grace", grant == null ? null : grant.gracePeriod().toString());
        p.put("classification", LabelColumns.classification(d.label()));
        p.put("releasable", LabelColumns.releasableTo(d.label()));
        return p;
    }

    boolean exists(String code) {
        return jdbc.sql("SELECT count(*) FROM training_course WHERE code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    Optional<Course> byCode(LabelFilter filter, String code) {
        return jdbc.sql("SELECT c.* FROM training_course c WHERE c.code = :code AND " + filter.sql())
                .param("code", code).params(filter.parameters()).query(CourseStore::course).optional();
    }

    /** A course by id without a label check: only for rules that do not show it (nomination checks, mapping). */
    Optional<Course> byId(CourseId id) {
        return jdbc.sql("SELECT c.* FROM training_course c WHERE c.id = :id").param("id", id.value())
                .query(CourseStore::course).optional();
    }

    /** A course by code without a label check: only for rules that do not show it. */
    Optional<Course> byCodeUnchecked(String code) {
        return jdbc.sql("SELECT c.* FROM training_course c WHERE c.code = :code").param("code", code)
                .query(CourseStore::course).optional();
    }

    List<Course> search(LabelFilter filter, CourseQuery query, int limit) {
        String words = query.text() == null ? "" : query.text().strip();
        return jdbc.sql("SELECT c.* FROM training_course c WHERE " + filter.sql()
                        + " AND (:words = '' OR c.code ILIKE :like OR c.title ILIKE :like"
                        + " OR array_to_string(c.objectives, ' ') ILIKE :like)"
                        + " AND (CAST(:language AS TEXT) IS NULL OR c.language = :language)"
                        + " AND (CAST(:nation AS TEXT) IS NULL OR c.delivering_nation = :nation)"
                        + " AND (CAST(:qualification AS TEXT) IS NULL OR c.grants_qualification = :qualification)"
                        + " ORDER BY c.code LIMIT :limit")
                .params(filter.parameters()).param("words", words).param("like", Rows.like(words))
                .param("language", blank(query.language())).param("nation", blank(query.nation()))
                .param("qualification", blank(query.qualification())).param("limit", limit)
                .query(CourseStore::course).list();
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Course course(ResultSet rs, int row) throws SQLException {
        String prereqLanguage = rs.getString("prerequisite_language");
        String qualification = rs.getString("grants_qualification");
        Integer days = rs.getObject("duration_days", Integer.class);
        return new Course(new CourseId(Rows.uuid(rs, "id")), rs.getString("code"), rs.getString("title"),
                Rows.texts(rs, "objectives"), NationCode.of(rs.getString("delivering_nation")),
                rs.getString("institution"), rs.getString("language"), days,
                Classification.ofRank(rs.getInt("minimum_clearance")),
                new Prerequisites(Rows.texts(rs, "prerequisite_courses"), Rows.texts(rs, "prerequisite_qualifications"),
                        prereqLanguage == null ? null
                                : new LanguageProfile(prereqLanguage, rs.getString("prerequisite_profile"))),
                qualification == null ? null : new Grant(qualification, Period.parse(rs.getString("valid_for")),
                        Period.parse(rs.getString("grace_period"))),
                LabelColumns.read(rs), NationCode.of(rs.getString("origin_nation").strip()),
                Rows.instant(rs, "updated_at"), rs.getInt("version"));
    }
}
