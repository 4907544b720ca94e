package org.kalkan.incident;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Inside the incident module: SQL stays in {@code internal}; the API and the internals (the derivation and
 * correlation rules among them) know neither the web nor HTTP, so every refusal is a domain exception.
 */
class IncidentArchitectureTests {

    private static final ArchRule SQL_ONLY_IN_INTERNAL = noClasses()
            .that().resideOutsideOfPackage("..internal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("SQL of a module lives in its internal package");

    private static final ArchRule NO_HTTP_BELOW_THE_WEB_LAYER = noClasses()
            .that().resideInAnyPackage("org.kalkan.incident", "org.kalkan.incident.internal")
            .should().dependOnClassesThat().resideInAnyPackage("org.kalkan.incident.web..", "jakarta.servlet..",
                    "org.springframework.http..", "org.springframework.web..", "org.kalkan.platform.web..")
            .because("domain code throws the shared domain exceptions; one place maps them to HTTP");

    @Test
    void sqlStaysInternalAndNothingBelowTheWebLayerKnowsHttp() {
        JavaClasses incident = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kalkan.incident");
        SQL_ONLY_IN_INTERNAL.check(incident);
        NO_HTTP_BELOW_THE_WEB_LAYER.check(incident);
    }

    /** What the rules must refuse: SQL and an HTTP status in a class of the module's API package. */
    static final class Offender {

        int one(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            return org.springframework.http.HttpStatus.CONFLICT.value() + jdbc.sql("SELECT 1").query(Integer.class)
                    .single();
        }
    }

    @Test
    void theRulesCanFail() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);
        assertThatThrownBy(() -> SQL_ONLY_IN_INTERNAL.check(offender)).hasMessageContaining("Offender");
        assertThatThrownBy(() -> NO_HTTP_BELOW_THE_WEB_LAYER.check(offender)).hasMessageContaining("Offender");
    }
}
