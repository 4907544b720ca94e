package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rule that keeps issue 12's seams closed: every id a request names — a component of a request body, or a query
 * parameter, whose name ends in {@code Id}/{@code Ids} or whose type is a {@link UUID} (or a list of them) — in the
 * controllers of council, force, exercise, notification, crisis, incident, cop and training is resolved through its
 * owning module's API for the caller (exists, readable, same context, allowed state; else the same 404 as for an
 * absent record). This test finds every such id by reflection and requires that it is listed below with the seam test
 * (a black-box test against a running node) that proves it: a new request field naming an id fails the build until
 * someone shows how it is resolved. Ids inside free JSON (a measure's {@code plan}, an inject's {@code crisisId})
 * are listed too, by hand, under {@link #IN_CONTENT}. Path variables are the module's own records, read through its
 * own resolver.
 */
class ForeignIdRuleTests {

    private static final List<String> MODULES = List.of("council", "force", "exercise", "notification", "crisis",
            "incident", "cop", "training");

    /** An id a form sends only to know which page to show next; it reads and changes nothing. */
    static final String NAVIGATION_ONLY = "navigation only";

    /** Each id a request names → the test that shows it resolved for the caller ("Class#method"). */
    static final Map<String, String> RESOLVED = new TreeMap<>(Map.ofEntries(
            Map.entry("council DecisionApi.circulate body DecisionDraft.crisisId",
                    "CouncilSeamTests#aDecisionNamingACrisisTheChairCannotSeeIsRefusedLikeOneThatDoesNotExist"),
            Map.entry("council DecisionApi.circulate body DecisionDraft.consultationId",
                    "ForeignIdProbeTests#aConsultationTheChairCannotSeeIsNotFound"),
            Map.entry("notification AlertsApi.raise body AlertBody.crisisId",
                    "AlertSeamTests#anAlertNamingACrisisItsSenderCannotSeeIsNotFoundLikeOneThatDoesNotExist"),
            Map.entry("notification AlertsApi.raise body AlertBody.exerciseId",
                    "ForeignIdProbeTests#anAlertNamingAnotherExerciseIsRefused"),
            Map.entry("force SourcingApi.state body RequirementBody.crisisId",
                    "ForeignIdProbeTests#aRequirementForACrisisThePlannerCannotSeeIsNotFound"),
            Map.entry("force SourcingApi.forCrisis param crisisId",
                    "ForeignIdProbeTests#requirementsAndPlansOfAHiddenCrisisAreEmpty"),
            Map.entry("force SourcingApi.plansOfCrisis param crisisId",
                    "ForeignIdProbeTests#requirementsAndPlansOfAHiddenCrisisAreEmpty"),
            Map.entry("force SourcingApi.plan body PlanBody.crisisId",
                    "ForeignIdProbeTests#aPlanOfAHiddenCrisisOrRequirementIsNotFound"),
            Map.entry("force SourcingApi.plan body PlanBody.requirementIds",
                    "ForeignIdProbeTests#aPlanOfAHiddenCrisisOrRequirementIsNotFound"),
            Map.entry("force SourcingApi.offer body OfferBody.unitId",
                    "ForeignIdProbeTests#anOfferOfAUnitTheOfficerCannotSeeIsNotFound"),
            Map.entry("force SourcingApi.offerForRequest body OfferBody.unitId",
                    "ForeignIdProbeTests#anOfferOfAUnitTheOfficerCannotSeeIsNotFound"),
            // The page posts to the same service method as the API.
            Map.entry("force ForcePages.offer param unitId",
                    "ForeignIdProbeTests#anOfferOfAUnitTheOfficerCannotSeeIsNotFound"),
            Map.entry("force UnitsApi.estimate param unitId",
                    "ForeignIdProbeTests#aMovementEstimateOfAHiddenUnitIsNotFound"),
            Map.entry("exercise ExercisesApi.plan body PlanBody.participatingUnits",
                    "ForeignIdProbeTests#anExerciseWithAUnitTheDirectorCannotSeeIsRefused"),
            Map.entry("exercise ExercisesApi.edit body PlanBody.participatingUnits",
                    "ForeignIdProbeTests#anExerciseWithAUnitTheDirectorCannotSeeIsRefused"),
            Map.entry("exercise ExercisesApi.lesson body LessonBody.observationId",
                    "ForeignIdProbeTests#aLessonFromAnObservationOfAHiddenExerciseIsNotFound"),
            Map.entry("crisis CrisesApi.open body OpenRequest.incidentIds",
                    "ForeignIdProbeTests#aCrisisOpenedFromAnIncidentTheManagerCannotSeeIsNotFound"),
            Map.entry("crisis CrisesApi.attach body AttachRequest.incidentId",
                    "ForeignIdProbeTests#aCrisisOpenedFromAnIncidentTheManagerCannotSeeIsNotFound"),
            // The pages post to the same service methods as the API.
            Map.entry("crisis CrisisPages.open param incidentIds",
                    "ForeignIdProbeTests#aCrisisOpenedFromAnIncidentTheManagerCannotSeeIsNotFound"),
            Map.entry("crisis CrisisRoomForms.attach param incidentId",
                    "ForeignIdProbeTests#aCrisisOpenedFromAnIncidentTheManagerCannotSeeIsNotFound"),
            Map.entry("incident IncidentsApi.merge body Merge.incidentIds",
                    "IncidentSeamTests#aMergeNamingAnIncidentTheWatchOfficerCannotSeeIsNotFoundLikeOneThatDoesNotExist"),
            Map.entry("incident ReportsApi.reattach body Reattach.incidentId",
                    "IncidentSeamTests#aReportMovedToAnIncidentTheWatchOfficerCannotSeeIsNotFoundLikeOneThatDoesNotExist"),
            Map.entry("incident ReportsApi.report body ReportRequest.exerciseId",
                    "IncidentSeamTests#aReportNamingAnotherContextThanItsRequestsIsRefused"),
            // Not resolved because not used as a record: only where the page sends the user back to.
            Map.entry("force ForcePages.ask param crisisId", NAVIGATION_ONLY),
            Map.entry("incident IncidentPages.split param incidentId", NAVIGATION_ONLY),
            Map.entry("training PersonnelApi.register body PersonBody.unitId",
                    "TrainingSeamTests#aPersonInAUnitTheManagerCannotSeeIsNotFound"),
            Map.entry("training SessionsApi.nominate body NominationBody.personId",
                    "TrainingSeamTests#aNominationOfAPersonTheManagerCannotSeeIsNotFound"),
            Map.entry("training SessionsApi.result body ResultBody.personId",
                    "TrainingSeamTests#aResultForAPersonWithoutANominationIsNotFound"),
            Map.entry("training ReadinessApi.certify body CertificationBody.unitId",
                    "TrainingSeamTests#aCertificationOfAUnitTheCertifierCannotSeeIsNotFound"),
            Map.entry("training ReadinessApi.certify body CertificationBody.evidence.exerciseId",
                    "TrainingSeamTests#aCertificationOnAnExerciseTheCertifierCannotSeeIsNotFound"),
            Map.entry("training XapiApi.get param statementId",
                    "TrainingSeamTests#aStatementOfAnotherNationsSystemIsNotFound"),
            // xAPI statement ids are global: a PUT naming a hidden one is refused, reading and changing nothing.
            Map.entry("training XapiApi.put param statementId",
                    "TrainingSeamTests#aPutNamingAnotherSystemsStatementChangesAndRevealsNothingOfIt")));

    /** Ids inside free JSON, which reflection cannot see, with the test that proves each. */
    static final Map<String, String> IN_CONTENT = Map.of(
            "council measure ACTIVATE_FORCES parameter plan",
            "ForceSeamTests#aDecisionNamingADraftPlanIsRefusedAndOneTheChairCannotReadIsNotFound",
            "council CouncilPage.circulate form crisisId (the same Council.circulate as the API)",
            "CouncilSeamTests#aDecisionNamingACrisisTheChairCannotSeeIsRefusedLikeOneThatDoesNotExist",
            "exercise inject content crisisId (RFI, alert)",
            "ForeignIdProbeTests#anInjectNamingACrisisOutsideItsExerciseIsNotDelivered",
            "incident IncidentPages.merge form others (the same Incidents.merge as the API)",
            "IncidentSeamTests#aMergeNamingAnIncidentTheWatchOfficerCannotSeeIsNotFoundLikeOneThatDoesNotExist");

    @Test
    void everyIdARequestNamesIsResolvedForTheCallerAndProvedByASeamTest() {
        Set<String> found = idsRequestsName();
        assertThat(found).as("ids taken by requests that no seam test proves resolved (add the test, then list it)")
                .isSubsetOf(RESOLVED.keySet());
        assertThat(RESOLVED.keySet()).as("listed ids no request takes any more").isSubsetOf(found);
        List<String> missing = new ArrayList<>();
        for (String proof : concat(RESOLVED.values(), IN_CONTENT.values())) {
            if (!NAVIGATION_ONLY.equals(proof) && !exists(proof)) {
                missing.add(proof);
            }
        }
        assertThat(missing).as("seam tests named as proofs").isEmpty();
    }

    /** Every id-like input of the modules' controllers, as "module Controller.method body|param path". */
    static Set<String> idsRequestsName() {
        Set<String> found = new TreeSet<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        for (String module : MODULES) {
            for (BeanDefinition candidate : scanner.findCandidateComponents("org.kalkan." + module)) {
                Class<?> controller = load(candidate.getBeanClassName());
                for (Method method : controller.getDeclaredMethods()) {
                    if (AnnotatedElementUtils.hasAnnotation(method, RequestMapping.class)) {
                        collect(module + " " + controller.getSimpleName() + "." + method.getName(), method, found);
                    }
                }
            }
        }
        return found;
    }

    private static void collect(String handler, Method method, Set<String> found) {
        for (Parameter parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(RequestBody.class)) {
                components(handler + " body " + parameter.getType().getSimpleName(), parameter.getType(), found,
                        new TreeSet<>());
            } else if (parameter.isAnnotationPresent(RequestParam.class)
                    && isId(parameter.getName(), parameter.getParameterizedType())) {
                found.add(handler + " param " + parameter.getName());
            }
        }
    }

    private static void components(String path, Class<?> type, Set<String> found, Set<String> seen) {
        if (!type.isRecord() || !seen.add(type.getName())) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String at = path + "." + component.getName();
            if (isId(component.getName(), component.getGenericType())) {
                found.add(at);
            }
            components(at, component.getType(), found, seen);
            if (component.getGenericType() instanceof ParameterizedType generic) {
                for (Type argument : generic.getActualTypeArguments()) {
                    if (argument instanceof Class<?> element) {
                        components(at + "[]", element, found, seen);
                    }
                }
            }
        }
    }

    /** Named like an id ({@code crisisId}, {@code incidentIds}), or a UUID or list of UUIDs. */
    static boolean isId(String name, Type type) {
        if (name.endsWith("Id") || name.endsWith("Ids")) {
            return true;
        }
        if (type == UUID.class) {
            return true;
        }
        return type instanceof ParameterizedType generic && generic.getActualTypeArguments().length == 1
                && generic.getActualTypeArguments()[0] == UUID.class;
    }

    private static boolean exists(String proof) {
        String[] parts = proof.split("#");
        try {
            Class<?> test = Class.forName("org.kalkan.seams." + parts[0]);
            return java.util.Arrays.stream(test.getDeclaredMethods()).anyMatch(m -> m.getName().equals(parts[1])
                    && m.isAnnotationPresent(Test.class));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
