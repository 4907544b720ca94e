package org.kalkan.industry.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kalkan.industry.Certificate;
import org.kalkan.industry.NewSupplier;
import org.kalkan.industry.Supplier;
import org.kalkan.industry.SupplierId;
import org.kalkan.industry.Suppliers;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supplier register ({@link Suppliers}). */
@Service
class SupplierService implements Suppliers {

    private final SupplierStore store;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    SupplierService(SupplierStore store, AccessPolicy policy, AuditTrail audit, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Supplier register(Subject subject, NewSupplier s) {
        if (!subject.has(Role.PROGRAMME_MANAGER)) {
            audit.recordDenial(subject.username(), "SUPPLIER_REGISTER", "supplier:new", "roles " + subject.roles());
            throw new ForbiddenException("Only programme managers register suppliers (of their own nation).");
        }
        Validation v = new Validation();
        String name = v.text(s.name(), "name", 200);
        v.require(s.facilityClearance() != null, "facilityClearance", "is required");
        v.money(s.capacity(), "capacity", true);
        v.require(s.costFactor() != null && s.costFactor().signum() > 0
                && s.costFactor().compareTo(BigDecimal.valueOf(10)) < 0
                && s.costFactor().stripTrailingZeros().scale() <= 4, "costFactor",
                "must be positive, below 10, with at most 4 decimals (1 = at budget)");
        Set<String> standards = new HashSet<>();
        for (int i = 0; i < s.certificates().size(); i++) {
            Certificate c = s.certificates().get(i);
            v.require(c.standard() != null && c.standard().matches("[A-Za-z0-9 ._/-]{1,40}") && c.validUntil() != null,
                    "certificates[" + i + "]", "needs a standard (e.g. AQAP-2110) and validUntil");
            v.require(c.standard() == null || standards.add(c.standard()), "certificates[" + i + "]",
                    "names " + c.standard() + " twice");
        }
        v.throwIfAny();
        name = Validation.checked(name);
        policy.checkWritable(subject, s.label());
        SupplierId id = SupplierId.random();
        NewSupplier clean = new NewSupplier(name, s.facilityClearance(), s.capacity(), s.costFactor(),
                s.certificates(), s.label());
        store.insert(id, subject.nation().value(), clean, subject.username(), clock.instant(), subject.exercise());
        audit.record(subject.username(), "SUPPLIER_REGISTERED", "supplier:" + id, subject.nation() + " \"" + name
                + "\" clearance " + s.facilityClearance() + " capacity " + s.capacity() + " " + s.certificates());
        return supplier(subject, id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Supplier> list(Subject subject) {
        List<Supplier> list = store.list(policy.filter(subject, "s"));
        list.forEach(s -> policy.assertReadable(subject, s.label(), org.kalkan.shared.NationCode.of(s.nation()),
                subject.exercise(), "supplier:" + s.id()));
        return list;
    }

    @Override
    @Transactional(readOnly = true)
    public Supplier supplier(Subject subject, SupplierId id) {
        Supplier s = store.find(id, policy.filter(subject, "s")).orElseThrow(() -> NotFoundException.noVisible("supplier"));
        policy.assertReadable(subject, s.label(), org.kalkan.shared.NationCode.of(s.nation()), subject.exercise(),
                "supplier:" + id);
        return s;
    }
}
