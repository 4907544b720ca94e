package org.kalkan.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A page of an exercise redirects within the exercise, and nowhere else is touched. */
class ExerciseRedirectsTests {

    private static final String EXERCISE = "0b7c5a8e-4c8e-4a40-9b0e-2f0a4c1d9e11";

    @Test
    void aRedirectOnTheNodeKeepsTheExercise() {
        assertThat(ExerciseRedirects.inContext("/alerts/42", EXERCISE)).isEqualTo("/alerts/42?exercise=" + EXERCISE);
        assertThat(ExerciseRedirects.inContext("/incidents?status=NEW", EXERCISE))
                .isEqualTo("/incidents?status=NEW&exercise=" + EXERCISE);
    }

    @Test
    void otherSitesTheLoginAndRedirectsThatNameAContextAreLeftAlone() {
        assertThat(ExerciseRedirects.inContext("https://example.org/x", EXERCISE)).isEqualTo("https://example.org/x");
        assertThat(ExerciseRedirects.inContext("//example.org/x", EXERCISE)).isEqualTo("//example.org/x");
        assertThat(ExerciseRedirects.inContext("/login?logout", EXERCISE)).isEqualTo("/login?logout");
        assertThat(ExerciseRedirects.inContext("/map?exercise=other", EXERCISE)).isEqualTo("/map?exercise=other");
    }
}
