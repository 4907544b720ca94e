package org.kalkan.industry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.kalkan.archfixture.SqlOutsideInternal;
import org.kalkan.archfixture.internal.PublicInternalStore;

/**
 * Inside the industry module: the API and the internals know no HTTP, JSON or XML wire type; SQL lives in
 * {@code internal}; the earned value, schedule, licence and allocation rules are pure (no Spring, no JDBC);
 * internals and web classes are package-private.
 */
class IndustryArchitectureTests {

    private static final ArchRule NO_WIRE_FORMATS_BELOW_THE_WEB = noClasses()
            .that().resideInAnyPackage("org.kalkan.industry", "org.kalkan.industry.internal")
            .should().dependOnClassesThat().resideInAnyPackage("org.kalkan.industry.web..", "jakarta.servlet..",
                    "org.springframework.http..", "org.springframework.web..", "tools.jackson..", "javax.xml..")
            .because("the facades serve the API, the pages, MSPDI and other modules alike");

    private static final ArchRule SQL_ONLY_IN_INTERNAL = noClasses()
            .that().resideOutsideOfPackage("..internal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
            .because("SQL of a module lives in its internal package");

    private static final ArchRule PURE_RULES = noClasses()
            .that().haveSimpleName("EarnedValue").or().haveSimpleName("CriticalPath").or()
            .haveSimpleName("LicenceGate").or().haveSimpleName("AllocationModel").or().haveSimpleName("Measures")
            .or().haveSimpleName("Qualification")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "org.kalkan.security..")
            .because("the arithmetic and the rules are pure domain code, tested without a node");

    private static ArchRule internalsArePrivate(String module) {
        return classes().that().resideInAnyPackage("org.kalkan." + module + ".internal..",
                        "org.kalkan." + module + ".web..")
                .and().areTopLevelClasses()
                .should().notBePublic()
                .because("only the root package is the module's API");
    }

    private static JavaClasses imported(String pkg) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(pkg);
    }

    @Test
    void theModuleKeepsItsLayers() {
        JavaClasses industry = imported("org.kalkan.industry");
        NO_WIRE_FORMATS_BELOW_THE_WEB.check(industry);
        SQL_ONLY_IN_INTERNAL.check(industry);
        PURE_RULES.check(industry);
        internalsArePrivate("industry").check(industry);
    }

    @Test
    void theRulesCanFail() {
        // Test-only classes that break each rule on purpose (production code changes; these stay broken).
        JavaClasses broken = new ClassFileImporter().importClasses(SqlOutsideInternal.class, PublicInternalStore.class);
        assertThatThrownBy(() -> internalsArePrivate("archfixture").check(broken))
                .hasMessageContaining("PublicInternalStore");
        assertThatThrownBy(() -> SQL_ONLY_IN_INTERNAL.check(broken)).hasMessageContaining("SqlOutsideInternal");
    }
}
