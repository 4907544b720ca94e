package org.kalkan.interop.cap.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.cap.CapMessageId;
import org.kalkan.interop.cap.CapMessages;
import org.kalkan.interop.cap.IncomingMessage;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CapMessages}, implemented: the checks, the store and the audit behind the module's API. */
@Service
class CapMessagesService implements CapMessages {

    static final Set<Role> READERS = Set.of(Role.REPORTING_OFFICER, Role.WATCH_OFFICER, Role.CRISIS_MANAGER,
            Role.CAP_SOURCE, Role.ADMIN);

    private final CapStore store;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    CapMessagesService(CapStore store, AccessPolicy policy, AuditTrail audit) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
    }

    @Override
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

    @Override
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
