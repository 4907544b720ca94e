package org.kalkan;

import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Runs one of the node's {@code @Scheduled} pollers once, now, in the test's own thread. A test that moved the
 * {@link TestClock} and must show that nothing happens (nothing is escalated before its deadline, nothing is logged
 * twice) polls once itself instead of sleeping through the scheduler's next run: the poll has certainly happened
 * when this returns. Tests that something does happen still wait for the node's own scheduler (with Awaitility).
 */
public final class Pollers {

    private Pollers() {
    }

    /**
     * Runs the scheduled method named {@code Class.method} by its class's simple name (so a move of the class to
     * another package does not break the test), e.g. {@code "CrisisPoller.poll"}.
     */
    public static void pollNow(ApplicationContext context, String classAndMethod) {
        List<ScheduledTask> tasks = context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream()).toList();
        List<Runnable> matching = tasks.stream().map(task -> task.getTask().getRunnable())
                .filter(runnable -> runnable.toString().endsWith("." + classAndMethod)).toList();
        if (matching.size() != 1) {
            throw new IllegalArgumentException("no single scheduled task " + classAndMethod + " among "
                    + tasks.stream().map(task -> task.getTask().getRunnable().toString()).sorted().toList());
        }
        matching.get(0).run();
    }
}
