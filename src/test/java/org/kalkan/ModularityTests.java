package org.kalkan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries cannot silently rot: any access to another module's internals fails the build. */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(KalkanApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyModuleSaysWhatItIsFor() {
        MODULES.forEach(module -> assertThat(module.getBasePackage().getAnnotation(org.jspecify.annotations.NullMarked.class))
                .as("package-info of %s", module.getName()).isPresent());
    }

    @Test
    void theVerificationCanFail() {
        // boundaryfixture.alpha reaches into boundaryfixture.beta.internal: verification must refuse it.
        assertThatThrownBy(() -> ApplicationModules.of("boundaryfixture",
                com.tngtech.archunit.core.importer.ImportOption.Predefined.ONLY_INCLUDE_TESTS).verify())
                .hasMessageContaining("Secret");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
