package org.kalkan.exercise.internal;

import java.util.UUID;
import org.kalkan.exercise.ExerciseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the database for due injects of running exercises and delivers them. It keeps no state: the clock and each
 * inject's state are read from the database at every poll, so a restarted (or a second) poller carries on where
 * the last one stopped, and the row locks make sure no inject is delivered twice.
 */
@Component
public class InjectPoller {

    private static final Logger log = LoggerFactory.getLogger(InjectPoller.class);

    private final ExerciseStore exercises;
    private final Deliveries deliveries;
    private final ExerciseProperties properties;

    public InjectPoller(ExerciseStore exercises, Deliveries deliveries, ExerciseProperties properties) {
        this.exercises = exercises;
        this.deliveries = deliveries;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${kalkan.exercise.poll-interval:PT1S}")
    public void poll() {
        if (!properties.pollerEnabled()) {
            return;
        }
        for (UUID exercise : exercises.running()) {
            try {
                int delivered = deliveries.poll(exercise);
                if (delivered > 0) {
                    log.info("exercise {}: {} inject(s) delivered", exercise, delivered);
                }
            } catch (RuntimeException e) { // one exercise's failure must not starve the others
                log.warn("exercise {}: inject poll failed; retrying at the next poll", exercise, e);
            }
        }
    }
}
