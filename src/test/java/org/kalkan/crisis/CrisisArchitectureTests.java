package org.kalkan.crisis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Inside the crisis module: SQL stays in {@code internal}, and neither the API nor the internals know the web. */
class CrisisArchitectureTests {

    private static final ArchRule SQL_ONLY_IN_INTERNAL = noClasses()
            .that().resideOutsideOfPackage("..internal..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
            .because("SQL of a module lives in its internal package");

    private static final ArchRule NO_WEB_BELOW_THE_WEB_LAYER = noClasses()
            .that().resideInAnyPackage("org.kalkan.crisis", "org.kalkan.crisis.internal")
            .should().dependOnClassesThat().resideInAnyPackage("org.kalkan.crisis.web..", "jakarta.servlet..")
            .because("the facades and internals serve the API, the pages and other modules alike");

    private static JavaClasses classes(String pkg) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(pkg);
    }

    @Test
    void sqlStaysInTheInternalPackageAndNothingBelowTheWebLayerKnowsIt() {
        JavaClasses crisis = classes("org.kalkan.crisis");
        SQL_ONLY_IN_INTERNAL.check(crisis);
        NO_WEB_BELOW_THE_WEB_LAYER.check(crisis);
    }

    /** SQL outside an internal package: what the rule must refuse. */
    static final class SqlOutsideInternal {

        int one(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            return jdbc.sql("SELECT 1").query(Integer.class).single();
        }
    }

    @Test
    void theSqlRuleCanFail() {
        assertThatThrownBy(() -> SQL_ONLY_IN_INTERNAL.check(new ClassFileImporter()
                .importClasses(SqlOutsideInternal.class))).hasMessageContaining("SqlOutsideInternal");
    }
}
