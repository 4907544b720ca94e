package org.kalkan.crisis;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.SecurityLabel;

/** A task to add to a crisis; without a label it takes the crisis's. */
public record NewTask(String title, TaskOwner owner, Instant dueAt, @Nullable SecurityLabel label) {

    public static final int MAX_TITLE = 300;

    public NewTask {
        title = Texts.required(title, "title", MAX_TITLE);
        if (owner == null) {
            throw new IllegalArgumentException("owner is required: {\"kind\":\"USER|NATION|CELL\",\"name\":…}");
        }
        if (dueAt == null) {
            throw new IllegalArgumentException("dueAt is required");
        }
    }
}
