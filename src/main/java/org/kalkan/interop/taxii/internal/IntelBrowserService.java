package org.kalkan.interop.taxii.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.taxii.Intel;
import org.kalkan.interop.taxii.IntelBrowser;
import org.kalkan.interop.taxii.ObjectFilter;
import org.kalkan.interop.taxii.StixEntry;
import org.kalkan.interop.taxii.TaxiiCollection;
import org.kalkan.interop.taxii.VersionMatch;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link IntelBrowser}, implemented: the checks, the store and the audit behind the module's API. */
@Service
class IntelBrowserService implements IntelBrowser {

    private final Intel intel;
    private final IntelStore store;
    private final AccessPolicy policy;

    IntelBrowserService(Intel intel, IntelStore store, AccessPolicy policy) {
        this.intel = intel;
        this.store = store;
        this.policy = policy;
    }

    @Override
    @Transactional(readOnly = true)
    public List<StixEntry> newest(Subject caller, @Nullable String type, int limit) {
        requireRead(caller);
        return checked(caller, store.newest(TaxiiCollection.INTEL, type, policy.filter(caller, "o"), limit));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> typeCounts(Subject caller) {
        requireRead(caller);
        return store.typeCounts(TaxiiCollection.INTEL, policy.filter(caller, "o"));
    }

    @Override
    @Transactional(readOnly = true)
    public StixEntry latest(Subject caller, String id) {
        List<StixEntry> found = find(caller, id, new ObjectFilter(null, 1, null, List.of(), List.of(),
                VersionMatch.LAST, List.of()));
        if (found.isEmpty()) {
            throw NotFoundException.noVisible("object");
        }
        return found.get(0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<StixEntry> versions(Subject caller, String id) {
        return find(caller, id, new ObjectFilter(null, 1000, null, List.of(), List.of(), VersionMatch.ALL,
                List.of()));
    }

    /** In the intel collection, or else — for an incident — in the incidents collection. */
    private List<StixEntry> find(Subject caller, String id, ObjectFilter filter) {
        try {
            return intel.object(caller, TaxiiCollection.INTEL.alias(), id, filter).entries();
        } catch (NotFoundException e) {
            if (!id.startsWith("incident--")) {
                throw e;
            }
            return intel.object(caller, TaxiiCollection.INCIDENTS.alias(), id, filter).entries();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<StixEntry> referencing(Subject caller, String id) {
        requireRead(caller);
        return checked(caller, store.referencing(TaxiiCollection.INTEL, id, policy.filter(caller, "o"), 200));
    }

    @Override
    @Transactional(readOnly = true)
    public List<StixEntry> referenced(Subject caller, List<String> ids) {
        requireRead(caller);
        return checked(caller, store.latest(TaxiiCollection.INTEL, ids, policy.filter(caller, "o")));
    }

    private List<StixEntry> checked(Subject caller, List<IntelStore.Row> rows) {
        List<StixEntry> entries = new ArrayList<>();
        for (IntelStore.Row row : rows) {
            policy.assertReadable(caller, row.entry().label(), row.entry().origin(), row.exercise(),
                    "stix:" + row.entry().id());
            entries.add(row.entry());
        }
        return entries;
    }

    private void requireRead(Subject caller) {
        if (!intel.collection(caller, TaxiiCollection.INTEL.alias()).canRead()) {
            throw new ForbiddenException("You may not read the intel collection.");
        }
    }
}
