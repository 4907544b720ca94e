package org.kalkan.interop.cap;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * The messages the gateway received, accepted or refused, for those who watch the feeds: reporting and watch
 * officers, crisis managers, CAP sources (their own nation's) and administrators. Each is labelled like its
 * reports (a refused one like its source's restricted messages) and read through the access policy.
 */
public interface CapMessages {

    int MAX_LIMIT = 200;

    /** Newest first; {@code before} is the {@code receivedAt} of the last message of the previous page. */
    List<IncomingMessage> latest(Subject subject, @Nullable Instant before, int limit);

    IncomingMessage find(Subject subject, CapMessageId id);
}
