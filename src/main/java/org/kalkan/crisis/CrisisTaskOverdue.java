package org.kalkan.crisis;

import java.util.UUID;
import org.kalkan.shared.SecurityLabel;

/** A task passed its due time without being done or cancelled (published once per task). */
public record CrisisTaskOverdue(CrisisId crisisId, UUID taskId, String title, TaskOwner owner, SecurityLabel label) {
}
