package org.kalkan.industry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.ExportControl;
import org.kalkan.industry.IndustryProperties;
import org.kalkan.industry.Licence;
import org.kalkan.industry.LicenceId;
import org.kalkan.industry.LicenceType;
import org.kalkan.industry.NewLicence;
import org.kalkan.industry.Programme;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.Programmes;
import org.kalkan.industry.Transfer;
import org.kalkan.industry.TransferId;
import org.kalkan.industry.TransferRequest;
import org.kalkan.industry.TransferStatus;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.NotFoundException;
import org.kalkan.shared.RefusedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Licences and the licence gate of transfers ({@link LicenceGate}), with their audit. */
@Service
class ExportControlService implements ExportControl {

    private final LicenceStore store;
    private final Programmes programmes;
    private final NationDirectory nations;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final IndustryProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ExportControlService(LicenceStore store, Programmes programmes, NationDirectory nations, AccessPolicy policy,
            AuditTrail audit, IndustryProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.programmes = programmes;
        this.nations = nations;
        this.policy = policy;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        // A refusal is kept although the request fails (and its transaction rolls back).
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional
    public Licence issue(Subject subject, NewLicence l) {
        requireManager(subject, "LICENCE_ISSUE", "licence:new");
        Validation v = new Validation();
        v.require(subject.nation().value().equals(l.issuingNation()), "issuingNation",
                "you record licences of your own nation (" + subject.nation() + ") only");
        v.require(!l.controlEntries().isEmpty(), "controlEntries", "name at least one control-list entry");
        for (int i = 0; i < l.controlEntries().size(); i++) {
            String entry = l.controlEntries().get(i);
            v.require(entry != null && entry.matches("[A-Za-z0-9.()-]{1,20}"), "controlEntries[" + i + "]",
                    "must be a control-list entry such as ML10");
        }
        v.require(!l.destinations().isEmpty(), "destinations", "name at least one destination nation");
        for (int i = 0; i < l.destinations().size(); i++) {
            String nation = l.destinations().get(i);
            v.require(nation != null && nations.isKnownNation(nation), "destinations[" + i + "]",
                    "is not a known nation: " + nation);
        }
        v.require(l.type() == LicenceType.GENERAL || !l.endUsers().isEmpty(), "endUsers",
                "an " + l.type() + " licence names its end users");
        for (int i = 0; i < l.endUsers().size(); i++) {
            v.text(l.endUsers().get(i), "endUsers[" + i + "]", 200);
        }
        v.require(l.validFrom() != null && l.validUntil() != null && !l.validUntil().isBefore(l.validFrom()),
                "validUntil", "validFrom and validUntil are required, validUntil not before validFrom");
        if (l.ceiling() != null || l.type() != LicenceType.GENERAL) {
            v.money(l.ceiling(), "ceiling", false);
        }
        v.require(l.currency() != null && l.currency().matches("[A-Z]{3}"), "currency", "must be an ISO 4217 code");
        String reference = l.reference() == null || l.reference().isBlank() ? null
                : v.text(l.reference(), "reference", 60);
        v.throwIfAny();
        policy.checkWritable(subject, l.label());
        LicenceId id = LicenceId.random();
        String ref = reference != null ? reference : l.issuingNation() + "-" + l.type().name().charAt(0) + "-"
                + id.value().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        store.insert(id, ref, l, subject.username(), clock.instant(), subject.exercise());
        audit.record(subject.username(), "LICENCE_ISSUED", "licence:" + id, ref + " " + l.type() + " "
                + l.controlEntries() + " to " + l.destinations() + " for " + l.endUsers() + " " + l.validFrom() + ".."
                + l.validUntil() + " ceiling " + l.ceiling() + " " + l.currency());
        return licence(subject, id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Licence> licences(Subject subject) {
        return store.list(policy.filter(subject, "l")).stream().map(row -> view(subject, row)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Licence licence(Subject subject, LicenceId id) {
        return view(subject, store.find(id, policy.filter(subject, "l"))
                .orElseThrow(() -> NotFoundException.noVisible("licence")));
    }

    @Override
    @Transactional
    public Licence revoke(Subject subject, LicenceId id) {
        requireManager(subject, "LICENCE_REVOKE", "licence:" + id);
        Licence licence = licence(subject, id);
        if (!licence.issuingNation().equals(subject.nation().value())) {
            audit.recordDenial(subject.username(), "LICENCE_REVOKE", "licence:" + id, "issued by "
                    + licence.issuingNation());
            throw new ForbiddenException("Only " + licence.issuingNation() + ", which issued it, revokes it.");
        }
        if (licence.revoked()) {
            throw new RefusedException("Licence " + licence.reference() + " is already revoked.");
        }
        store.revoke(id);
        audit.record(subject.username(), "LICENCE_REVOKED", "licence:" + id, licence.reference());
        return licence(subject, id);
    }

    private Licence view(Subject subject, LicenceStore.Row row) {
        policy.assertReadable(subject, row.label(), NationCode.of(row.issuingNation()), row.exerciseId(),
                "licence:" + row.id());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean expired = row.validUntil().isBefore(today);
        boolean soon = !expired && !row.revoked() && !row.validUntil().isAfter(today.plusDays(
                properties.licenceExpiryWarning().toDays()));
        return new Licence(row.id(), row.reference(), row.issuingNation(), row.type(), row.controlEntries(),
                row.destinations(), row.endUsers(), row.validFrom(), row.validUntil(), row.ceiling(), row.currency(),
                row.used(), row.ceiling() == null ? null : row.ceiling().subtract(row.used()), row.revoked(), expired,
                soon, row.label());
    }

    @Override
    @Transactional
    public Transfer transfer(Subject subject, TransferRequest r) {
        requireManager(subject, "TRANSFER", "programme:" + r.programme());
        Programme programme = programmes.programme(subject, r.programme());
        Validation v = new Validation();
        String item = v.text(r.item(), "item", 300);
        String endUser = v.text(r.endUser(), "endUser", 200);
        v.require(r.controlEntry() != null && r.controlEntry().matches("[A-Za-z0-9.()-]{1,20}"), "controlEntry",
                "must be a control-list entry such as ML10");
        v.require(programme.nations().contains(r.from()), "from", "must be a participating nation "
                + programme.nations());
        v.require(programme.nations().contains(r.to()), "to", "must be a participating nation " + programme.nations());
        v.require(r.from() == null || !r.from().equals(r.to()), "to", "a transfer goes from one nation to another");
        v.money(r.value(), "value", false);
        v.require(r.date() != null, "date", "is required");
        v.throwIfAny();
        item = Validation.checked(item);
        endUser = Validation.checked(endUser);
        if (!subject.nation().value().equals(r.from())) {
            audit.recordDenial(subject.username(), "TRANSFER", "programme:" + r.programme(), "exporter " + r.from());
            throw new ForbiddenException("The exporting nation records its transfers: you are of " + subject.nation()
                    + ", the transfer leaves " + r.from() + ".");
        }
        LicenceGate.Request request = new LicenceGate.Request(r.controlEntry(), r.from(), r.to(), endUser,
                r.value(), programme.currency(), r.date());
        List<LicenceGate.Candidate> candidates = store.lockIssuedBy(r.from(), policy.filter(subject, "l")).stream()
                .map(ExportControlService::candidate).toList();
        LicenceGate.Outcome outcome = LicenceGate.decide(candidates, request);
        TransferId id = TransferId.random();
        LicenceGate.Candidate used = outcome.licence();
        if (used == null) {
            String reason = LicenceGate.refusal(request, outcome.reasons());
            Transfer refused = new Transfer(id, programme.id(), item, r.controlEntry(), r.from(), r.to(), endUser,
                    r.value(), r.date(), TransferStatus.REFUSED, null, null, reason, subject.username(),
                    clock.instant(), programme.label(), subject.nation().value());
            ownTransaction.executeWithoutResult(status -> {
                store.insertTransfer(refused, subject.exercise());
                audit.recordDenial(subject.username(), "TRANSFER_REFUSED", "transfer:" + id, reason);
            });
            throw new RefusedException(reason, "industry.transfer.refused");
        }
        Transfer transfer = new Transfer(id, programme.id(), item, r.controlEntry(), r.from(), r.to(), endUser,
                r.value(), r.date(), TransferStatus.RECORDED, LicenceId.parse(used.id()), used.reference(), null,
                subject.username(), clock.instant(), programme.label(), subject.nation().value());
        store.insertTransfer(transfer, subject.exercise());
        audit.record(subject.username(), "TRANSFER_RECORDED", "transfer:" + id, r.controlEntry() + " \"" + item
                + "\" " + r.from() + " -> " + r.to() + " for '" + endUser + "' " + r.value() + " "
                + programme.currency() + " on " + r.date() + " under licence " + used.reference());
        return transfer;
    }

    static LicenceGate.Candidate candidate(LicenceStore.Row row) {
        return new LicenceGate.Candidate(row.id().toString(), row.reference(), row.issuingNation(), row.type(),
                Set.copyOf(row.controlEntries()), Set.copyOf(row.destinations()), new HashSet<>(row.endUsers()),
                row.validFrom(), row.validUntil(), row.ceiling(), row.currency(), row.used(), row.revoked());
    }

    @Override
    @Transactional(readOnly = true)
    public List<Transfer> transfers(Subject subject, @Nullable ProgrammeId programme) {
        if (programme != null) {
            programmes.programme(subject, programme);
        }
        List<Transfer> list = store.transfers(programme, policy.filter(subject, "t"));
        list.forEach(t -> policy.assertReadable(subject, t.label(), NationCode.of(t.originNation()), subject.exercise(), "transfer:" + t.id()));
        return list;
    }

    private void requireManager(Subject subject, String action, String target) {
        if (!subject.has(Role.PROGRAMME_MANAGER)) {
            audit.recordDenial(subject.username(), action, target, "roles " + subject.roles());
            throw new ForbiddenException("Only programme managers record licences and transfers.");
        }
    }
}
