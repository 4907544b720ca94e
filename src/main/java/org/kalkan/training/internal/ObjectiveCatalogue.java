package org.kalkan.training.internal;

import java.util.Locale;
import org.kalkan.exercise.TrainingObjectives;
import org.kalkan.security.Subject;
import org.kalkan.shared.DomainException;
import org.kalkan.training.Course;
import org.springframework.stereotype.Component;

/** The exercise module's view of the catalogue's training objectives ({@code EOD-201.1}), through the labels. */
@Component
class ObjectiveCatalogue implements TrainingObjectives {

    private final CatalogueService catalogue;

    ObjectiveCatalogue(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public boolean exists(Subject subject, String code) {
        String upper = code.strip().toUpperCase(Locale.ROOT);
        int dot = upper.lastIndexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            Course course = catalogue.find(subject.inRealWorld(), upper.substring(0, dot));
            return course.trainingObjectives().stream().anyMatch(o -> o.code().equals(upper));
        } catch (DomainException | IllegalArgumentException e) {
            return false;
        }
    }
}
