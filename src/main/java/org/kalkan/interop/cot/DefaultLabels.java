package org.kalkan.interop.cot;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.security.UserDirectory;
import org.kalkan.shared.Classification;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's default label for CoT sent without one, for the API and the page alike: users read and set their
 * own, administrators anyone's; the label must be one that user could write (known entries, within clearance).
 */
@Service
class DefaultLabels {

    private final CotUserLabels labels;
    private final UserDirectory users;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    DefaultLabels(CotUserLabels labels, UserDirectory users, AccessPolicy policy, AuditTrail audit) {
        this.labels = labels;
        this.users = users;
        this.policy = policy;
        this.audit = audit;
    }

    SecurityLabel get(Subject caller, String username) {
        if (!caller.username().equals(username) && !caller.has(Role.ADMIN)) {
            throw new ForbiddenException("Only administrators read other users' default labels.");
        }
        return labels.defaultLabel(username);
    }

    @Transactional
    SecurityLabel set(Subject caller, String username, @Nullable String classification,
            @Nullable List<String> releasableTo) {
        if (!caller.username().equals(username) && !caller.has(Role.ADMIN)) {
            audit.recordDenial(caller.username(), "COT_DEFAULT_LABEL", username, "not that user, not an administrator");
            throw new ForbiddenException("Only administrators set other users' default labels.");
        }
        var user = users.find(username).orElseThrow(() -> new NotFoundException("No user " + username));
        var level = Classification.parse(classification == null ? "" : classification)
                .orElseThrow(() -> new IllegalArgumentException("classification must be one of UNCLASSIFIED, "
                        + "RESTRICTED, CONFIDENTIAL, SECRET"));
        if (releasableTo == null || releasableTo.isEmpty()) {
            throw new IllegalArgumentException("releasableTo needs at least one nation or community");
        }
        SecurityLabel label = SecurityLabel.of(level, releasableTo);
        // the label must be one the user could write: known entries, within the user's clearance
        policy.checkWritable(user.subject(), label);
        labels.set(username, label);
        audit.record(caller.username(), "COT_DEFAULT_LABEL", username, label.marking());
        return label;
    }
}
