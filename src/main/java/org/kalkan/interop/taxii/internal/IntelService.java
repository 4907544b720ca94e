package org.kalkan.interop.taxii.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.kalkan.interop.taxii.CollectionAccess;
import org.kalkan.interop.taxii.Intel;
import org.kalkan.interop.taxii.ObjectFilter;
import org.kalkan.interop.taxii.ObjectPage;
import org.kalkan.interop.taxii.Submission;
import org.kalkan.interop.taxii.TaxiiCollection;
import org.kalkan.interop.taxii.VersionMatch;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** {@link Intel}, implemented: the checks, the store and the audit behind the module's API. */
@Service
class IntelService implements Intel {

    private static final Set<Role> READERS = Set.of(Role.CERT, Role.WATCH_OFFICER, Role.CRISIS_MANAGER);
    private static final Set<Role> WRITERS = Set.of(Role.CERT);
    /** More versions than one object ever has: a delete reaches all it names, not one page of them. */
    private static final int MAX_VERSIONS = 100_000;

    private final IntelStore store;
    private final EnvelopeIntake intake;
    private final IncidentObjects incidents;
    private final AccessPolicy policy;
    private final AuditTrail audit;

    IntelService(IntelStore store, EnvelopeIntake intake, IncidentObjects incidents, AccessPolicy policy, AuditTrail audit) {
        this.store = store;
        this.intake = intake;
        this.incidents = incidents;
        this.policy = policy;
        this.audit = audit;
    }

    @Override
    public List<CollectionAccess> collections(Subject caller) {
        return List.of(TaxiiCollection.values()).stream().map(c -> access(caller, c)).toList();
    }

    @Override
    public CollectionAccess collection(Subject caller, String idOrAlias) {
        return access(caller, TaxiiCollection.find(idOrAlias)
                .orElseThrow(() -> new NotFoundException("No collection " + idOrAlias + " in this API root.")));
    }

    @Override
    @Transactional(readOnly = true)
    public ObjectPage objects(Subject caller, String collection, ObjectFilter filter) {
        TaxiiCollection target = readable(caller, collection);
        if (target == TaxiiCollection.INCIDENTS) {
            return incidents.page(caller, filter);
        }
        List<IntelStore.Row> rows = store.page(target, filter, policy.filter(caller, "o"));
        rows.forEach(row -> policy.assertReadable(caller, row.entry().label(), row.entry().origin(), row.exercise(),
                "stix:" + row.entry().id()));
        boolean more = rows.size() > filter.limit();
        List<IntelStore.Row> page = more ? rows.subList(0, filter.limit()) : rows;
        String next = more ? PageToken.intel(page.get(page.size() - 1).seq()) : null;
        return new ObjectPage(page.stream().map(IntelStore.Row::entry).toList(), more, next);
    }

    @Override
    @Transactional(readOnly = true)
    public ObjectPage object(Subject caller, String collection, String id, ObjectFilter filter) {
        ObjectPage page = objects(caller, collection, filter.forId(id));
        if (page.entries().isEmpty() && !exists(caller, collection, id)) {
            throw NotFoundException.noVisible("object");
        }
        return page;
    }

    private boolean exists(Subject caller, String collection, String id) {
        ObjectFilter any = new ObjectFilter(null, 1, null, List.of(id), List.of(), VersionMatch.ALL, List.of());
        return !objects(caller, collection, any).entries().isEmpty();
    }

    @Override
    public void requireWritable(Subject caller, String collection) {
        writable(caller, collection);
    }

    @Override
    public Submission add(Subject caller, String collection, List<JsonNode> objects) {
        TaxiiCollection target = writable(caller, collection);
        UUID id = intake.add(caller, target, objects);
        return status(caller, id);
    }

    @Override
    @Transactional(readOnly = true)
    public Submission status(Subject caller, UUID id) {
        requireAny(caller, READERS, "read TAXII status resources");
        return store.status(id, caller.username(), caller.exercise(), policy.filter(caller, "d"))
                .orElseThrow(() -> NotFoundException.noVisible("status resource"));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Submission> recentSubmissions(Subject caller, int limit) {
        requireAny(caller, READERS, "read TAXII status resources");
        return store.recent(caller.username(), caller.exercise(), policy.filter(caller, "d"), limit);
    }

    @Override
    @Transactional
    public void delete(Subject caller, String collection, String id, ObjectFilter filter) {
        TaxiiCollection target = writable(caller, collection);
        ObjectFilter every = new ObjectFilter(null, MAX_VERSIONS, null, List.of(id), List.of(), filter.versions(),
                filter.specVersions());
        List<IntelStore.Row> rows = store.page(target, every, policy.filter(caller, "o"));
        if (rows.isEmpty()) {
            throw NotFoundException.noVisible("object");
        }
        if (rows.stream().anyMatch(r -> !r.entry().origin().equals(caller.nation()))) {
            audit.recordDenial(caller.username(), "STIX_DELETE", "stix:" + id, "not the originating nation");
            throw new ForbiddenException("Only the nation that created " + id + " may delete it.");
        }
        store.delete(rows.stream().map(IntelStore.Row::seq).toList());
        audit.record(caller.username(), "STIX_DELETED", "stix:" + id, rows.size() + " version(s)");
    }

    private CollectionAccess access(Subject caller, TaxiiCollection collection) {
        boolean read = READERS.stream().anyMatch(caller::has);
        boolean write = collection == TaxiiCollection.INTEL && WRITERS.stream().anyMatch(caller::has);
        return new CollectionAccess(collection, read, write);
    }

    private TaxiiCollection readable(Subject caller, String collection) {
        CollectionAccess access = collection(caller, collection);
        if (!access.canRead()) {
            audit.recordDenial(caller.username(), "TAXII_READ", "taxii:" + access.collection().alias(), "cannot read");
            throw new ForbiddenException("You may not read the " + access.collection().alias() + " collection.");
        }
        return access.collection();
    }

    private TaxiiCollection writable(Subject caller, String collection) {
        CollectionAccess access = collection(caller, collection);
        if (!access.canWrite()) {
            audit.recordDenial(caller.username(), "TAXII_WRITE", "taxii:" + access.collection().alias(),
                    "cannot write");
            throw new ForbiddenException("You may not write to the " + access.collection().alias() + " collection.");
        }
        return access.collection();
    }

    private void requireAny(Subject caller, Set<Role> roles, String what) {
        if (roles.stream().noneMatch(caller::has)) {
            audit.recordDenial(caller.username(), "TAXII", what, "requires one of " + roles);
            throw new ForbiddenException("Your roles do not allow you to " + what + ".");
        }
    }
}
