package org.kalkan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.kalkan.archfixture.DomainThatSpeaksHttp;
import org.kalkan.archfixture.SqlOutsideInternal;
import org.kalkan.archfixture.internal.PublicInternalStore;
import org.kalkan.archfixture.web.PageThatRunsSql;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The shape of every module, enforced on the whole code base (docs/DEVELOPING.md, "How a module is shaped"): HTTP
 * only in web adapters, SQL only in {@code internal}, web adapters that do no domain work, domain code free of wire
 * formats, schedulers and implementation in {@code internal} and package-private, every package null-marked.
 *
 * <p>Rules the existing code still breaks are frozen ({@link FreezingArchRule}): the violations of today are listed
 * in {@code src/test/resources/archunit_store}, a new one fails the build, and a fixed one leaves the store the next
 * time the test runs (commit the smaller store). Never add to the store by hand.
 */
class ArchitectureTests {

    private static final JavaClasses KALKAN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.kalkan");

    private static final String[] HTTP = {"org.springframework.http..", "org.springframework.web..",
            "jakarta.servlet.."};

    private static final String[] SQL = {"org.springframework.jdbc..", "java.sql.."};

    private static final String[] WIRE_FORMATS = {"tools.jackson..", "com.fasterxml.jackson..", "javax.xml..",
            "org.w3c.dom..", "org.xml.sax..", "com.google.protobuf..", "org.kalkan.interop.."};

    /** Web adapters, and the interop adapters whose edge is a protocol (CoT, OGC API, TAXII, CAP). */
    private static final String[] HTTP_EDGES = {"..web..", "org.kalkan.interop.."};

    /** Where the wire formats belong: web adapters, the interop adapters, and the platform's one JSON mapping. */
    private static final String[] WIRE_EDGES = {"..web..", "org.kalkan.interop..", "org.kalkan.platform.."};

    static final ArchRule NO_HTTP_OUTSIDE_WEB_ADAPTERS = noClasses()
            .that().resideOutsideOfPackages(HTTP_EDGES)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP)
            .because("domain code throws the refusals of org.kalkan.shared; ProblemDetailsAdvice maps them to HTTP");

    static final ArchRule SQL_ONLY_IN_INTERNAL = noClasses()
            .that().resideOutsideOfPackage("..internal..")
            .and().doNotHaveFullyQualifiedName("org.kalkan.platform.LabelColumns")
            .should().dependOnClassesThat().resideInAnyPackage(SQL)
            .because("a module's SQL lives in its internal package, behind its facade (ADR 0007)");

    static final ArchRule WEB_ADAPTERS_DO_NO_DOMAIN_WORK = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage(SQL)
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
            .because("a controller translates HTTP to a facade call and back; the facade does the work");

    static final ArchRule DOMAIN_KNOWS_NO_WIRE_FORMAT = noClasses()
            .that().resideOutsideOfPackages(WIRE_EDGES)
            .should().dependOnClassesThat().resideInAnyPackage(WIRE_FORMATS)
            .because("XML, JSON, STIX, CAP and CoT types live in web packages and the interop adapters");

    /** A web adapter's stream heartbeat: an SSE keep-alive comment, transport rather than domain work. */
    private static final DescribedPredicate<JavaMethod> WEB_HEARTBEAT = DescribedPredicate.describe(
            "a web adapter's heartbeat", m -> m.getName().equals("heartbeat")
                    && PackageMatcher.of("..web..").matches(m.getOwner().getPackageName()));

    static final ArchRule SCHEDULERS_IN_INTERNAL = noMethods()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
            .and(DescribedPredicate.not(WEB_HEARTBEAT))
            .should().beAnnotatedWith(Scheduled.class)
            .because("a module's root holds its API; pollers live in internal. Only a web adapter's heartbeat "
                    + "(the SSE keep-alive of AlertStream and DashboardStream) stays with the streams it keeps open: "
                    + "it is transport, and moving its tick to internal would make internal call into web");

    static final ArchRule IMPLEMENTATION_IS_PACKAGE_PRIVATE = classes()
            .that().resideInAnyPackage("..internal..", "..web..")
            .and().areTopLevelClasses()
            .should().notBePublic()
            .because("only a module's root package is its API: root interfaces implemented in internal");

    @Test
    void noHttpTypeOutsideTheWebAdapters() {
        NO_HTTP_OUTSIDE_WEB_ADAPTERS.check(KALKAN); // not frozen: no violation is left
    }

    @Test
    void sqlOnlyInInternal() {
        SQL_ONLY_IN_INTERNAL.check(KALKAN); // not frozen: no violation is left
    }

    @Test
    void webAdaptersDoNoDomainWork() {
        WEB_ADAPTERS_DO_NO_DOMAIN_WORK.check(KALKAN); // not frozen: no violation is left
    }

    @Test
    void domainCodeKnowsNoWireFormat() {
        FreezingArchRule.freeze(DOMAIN_KNOWS_NO_WIRE_FORMAT).check(KALKAN);
    }

    @Test
    void schedulersLiveInInternal() {
        SCHEDULERS_IN_INTERNAL.check(KALKAN); // not frozen: no violation is left
    }

    @Test
    void internalsAndWebAdaptersArePackagePrivate() {
        FreezingArchRule.freeze(IMPLEMENTATION_IS_PACKAGE_PRIVATE).check(KALKAN);
    }

    @Test
    void everyPackageIsNullMarked() {
        assertThat(notNullMarked(KALKAN, "org.kalkan")).as("packages without @NullMarked package-info").isEmpty();
    }

    /** The packages under {@code root} that hold classes but no {@code @NullMarked} package-info. */
    static List<String> notNullMarked(JavaClasses classes, String root) {
        JavaPackage top = classes.getPackage(root);
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(top), top.getSubpackagesInTree().stream())
                .filter(p -> !p.getClasses().isEmpty())
                .filter(p -> !p.isAnnotatedWith(NullMarked.class))
                .map(JavaPackage::getName).sorted().toList();
    }

    @Test
    void eachRuleCanFail() {
        // Test-only classes in org.kalkan.archfixture break each rule on purpose; the unfrozen rules must refuse them.
        JavaClasses broken = new ClassFileImporter().importClasses(DomainThatSpeaksHttp.class,
                SqlOutsideInternal.class, PublicInternalStore.class, PageThatRunsSql.class);
        assertThatThrownBy(() -> NO_HTTP_OUTSIDE_WEB_ADAPTERS.check(broken)).hasMessageContaining("DomainThatSpeaksHttp");
        assertThatThrownBy(() -> SQL_ONLY_IN_INTERNAL.check(broken)).hasMessageContaining("SqlOutsideInternal");
        assertThatThrownBy(() -> WEB_ADAPTERS_DO_NO_DOMAIN_WORK.check(broken)).hasMessageContaining("PageThatRunsSql");
        assertThatThrownBy(() -> DOMAIN_KNOWS_NO_WIRE_FORMAT.check(broken)).hasMessageContaining("DomainThatSpeaksHttp");
        assertThatThrownBy(() -> SCHEDULERS_IN_INTERNAL.check(broken)).hasMessageContaining("DomainThatSpeaksHttp");
        assertThatThrownBy(() -> IMPLEMENTATION_IS_PACKAGE_PRIVATE.check(broken))
                .hasMessageContaining("PublicInternalStore");
        assertThat(notNullMarked(new ClassFileImporter().importPackages("org.kalkan.archfixture"),
                "org.kalkan.archfixture")).contains("org.kalkan.archfixture");
    }
}
