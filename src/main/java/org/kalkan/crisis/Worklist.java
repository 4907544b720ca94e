package org.kalkan.crisis;

import java.util.List;
import org.kalkan.security.Subject;

/**
 * A person's open work in crises, for the home page: the tasks they or their nation own and the RFIs addressed to
 * their nation still unanswered, in the crises they may see (in their context), earliest deadline first.
 */
public interface Worklist {

    List<WorkItem> openFor(Subject subject);
}
