package org.kalkan.industry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.industry.Dependency;
import org.kalkan.industry.ScheduledPackage;
import org.kalkan.industry.internal.CriticalPath.Activity;

/** The critical path method against a network worked out by hand (days from 1 January 2026). */
class CriticalPathTests {

    static Activity activity(String code, String start, String finish, Dependency... predecessors) {
        return new Activity(code, LocalDate.parse(start), LocalDate.parse(finish), List.of(predecessors));
    }

    static final List<Activity> NETWORK = List.of(
            activity("A", "2026-01-01", "2026-03-01"), // days 0–59
            activity("B", "2026-03-01", "2026-05-01", new Dependency("A", 0)), // 59–120
            activity("C", "2026-03-11", "2026-04-10", new Dependency("A", 10)), // 69–99
            activity("D", "2026-05-01", "2026-06-01", new Dependency("B", 0), new Dependency("C", 0)), // 120–151
            activity("E", "2026-02-01", "2026-03-01")); // 31–59, nothing follows it

    @Test
    void floatsAndTheCriticalPathOfAHandWorkedNetwork() {
        CriticalPath.Result result = CriticalPath.compute(NETWORK);
        assertThat(result.lengthDays()).isEqualTo(151);
        assertThat(result.finish()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(result.criticalPath()).containsExactly("A", "B", "D");
        Map<String, ScheduledPackage> p = result.byCode();
        assertThat(p.get("C").totalFloatDays()).isEqualTo(21); // late start 90 (D's 120 − 30) − early start 69
        assertThat(p.get("C").lateStart()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(p.get("E").totalFloatDays()).isEqualTo(92); // late start 123 − 31
        assertThat(p.get("A").critical()).isTrue();
        assertThat(p.get("E").critical()).isFalse();
    }

    @Test
    void aPlannedStartBeforeItsPredecessorFinishesIsPushedLater() {
        CriticalPath.Result result = CriticalPath.compute(List.of(activity("A", "2026-01-01", "2026-01-11"),
                activity("B", "2026-01-05", "2026-01-15", new Dependency("A", 3))));
        // B may start only on day 13 (A's finish 10 + 3 days' lag): 13–23
        assertThat(result.byCode().get("B").earlyStart()).isEqualTo(LocalDate.parse("2026-01-14"));
        assertThat(result.lengthDays()).isEqualTo(23);
        assertThat(result.criticalPath()).containsExactly("A", "B");
    }

    @Test
    void cyclesAndUnknownPredecessorsAreRefusedByName() {
        assertThatThrownBy(() -> CriticalPath.compute(List.of(
                activity("A", "2026-01-01", "2026-01-11", new Dependency("B", 0)),
                activity("B", "2026-01-01", "2026-01-11", new Dependency("A", 0)),
                activity("C", "2026-01-01", "2026-01-11"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle through A, B");
        assertThatThrownBy(() -> CriticalPath.compute(List.of(
                activity("A", "2026-01-01", "2026-01-11", new Dependency("X", 0)))))
                .hasMessageContaining("A depends on X");
    }
}
