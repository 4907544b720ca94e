package org.kalkan.interop.cap;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.cap.internal.CapStore;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages the gateway received, accepted or refused, for those who watch the feeds: reporting and watch
 * officers, crisis managers, CAP sources (their own nation's) and administrators. Each is labelled like its
 * reports (a refused one like its source's restricted messages) and read through the access policy.
 */
@Service
public class CapMessages {

    static final Set<Role> READERS = Set.of(Role.REPORTING_OFFICER, Role.WATCH_OFFICER, Role.CRISIS_MANAGER,
            Role.CAP_SOURCE, Role.ADMIN);
    public static final int MAX_LIMIT = 200;

    private final CapStore store;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    CapMessages(CapStore store, AccessPolicy policy, AuditTrail audit) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
    }

    /** Newest first; {@code before} is the {@code receivedAt} of the last message of the previous page. */
    @Transactional(readOnly = true)
    public List<IncomingMessage> latest(Subject subject, @Nullable Instant before, int limit) {
        requireReader(subject);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        List<IncomingMessage> messages = store.latest(policy.filter(subject, "m"), before, limit);
        messages.forEach(m -> policy.assertReadable(subject, m.label(), m.originNation(), m.exerciseId(),
                "cap:" + m.id()));
        return messages;
    }

    @Transactional(readOnly = true)
    public IncomingMessage find(Subject subject, CapMessageId id) {
        requireReader(subject);
        IncomingMessage message = store.find(id, policy.filter(subject, "m")).orElseThrow(() -> {
            audit.recordDenial(subject.username(), "READ", "cap:" + id, "not found or not readable");
            return NotFoundException.noVisible("CAP message");
        });
        policy.assertReadable(subject, message.label(), message.originNation(), message.exerciseId(), "cap:" + id);
        return message;
    }

    private void requireReader(Subject subject) {
        if (READERS.stream().noneMatch(subject::has)) {
            audit.recordDenial(subject.username(), "READ", "cap", "requires one of " + READERS);
            throw new ForbiddenException("Your roles do not allow you to read incoming CAP messages.");
        }
    }
}
