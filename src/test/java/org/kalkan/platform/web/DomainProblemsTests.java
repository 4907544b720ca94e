package org.kalkan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.kalkan.shared.VersionConflictException;

class DomainProblemsTests {

    @Test
    void eachKindOfRefusalHasItsStatus() {
        assertThat(DomainProblems.statusOf(NotFoundException.noVisible("crisis")).value()).isEqualTo(404);
        assertThat(DomainProblems.statusOf(new ForbiddenException("only the chair")).value()).isEqualTo(403);
        assertThat(DomainProblems.statusOf(new RefusedException("already issued")).value()).isEqualTo(409);
        assertThat(DomainProblems.statusOf(new VersionConflictException("version 3 is current")).value()).isEqualTo(409);
        assertThat(DomainProblems.statusOf(InvalidInputException.of(List.of())).value()).isEqualTo(400);
    }

    @Test
    void aNotFoundRevealsNothingAndInvalidInputListsEveryViolation() {
        assertThat(DomainProblems.problemOf(NotFoundException.noVisible("crisis")).getDetail())
                .isEqualTo("There is no crisis you can see.");
        var violations = List.of(new InvalidInputException.Violation("items[2].lat", "must be between -90 and 90"));
        var problem = DomainProblems.problemOf(InvalidInputException.of(violations));
        assertThat(problem.getProperties()).containsEntry("errors", violations);
        assertThat(problem.getTitle()).isEqualTo("Invalid request");
    }
}
