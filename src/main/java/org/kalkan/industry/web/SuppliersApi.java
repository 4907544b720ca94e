package org.kalkan.industry.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Decision;
import org.kalkan.industry.Allocation;
import org.kalkan.industry.AllocationId;
import org.kalkan.industry.Allocations;
import org.kalkan.industry.Certificate;
import org.kalkan.industry.GlobalBalance;
import org.kalkan.industry.NewSupplier;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.ProposalId;
import org.kalkan.industry.RebalancingProposal;
import org.kalkan.industry.Supplier;
import org.kalkan.industry.SupplierId;
import org.kalkan.industry.Suppliers;
import org.kalkan.industry.WorkShares;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Suppliers, allocation of open packages, the global balance and rebalancing proposals. */
@RestController
@RequestMapping("/api/v1/industry")
class SuppliersApi {

    private final Suppliers suppliers;
    private final Allocations allocations;
    private final WorkShares workShares;
    private final CurrentSubject subject;

    SuppliersApi(Suppliers suppliers, Allocations allocations, WorkShares workShares, CurrentSubject subject) {
        this.suppliers = suppliers;
        this.allocations = allocations;
        this.workShares = workShares;
        this.subject = subject;
    }

    record CertificateBody(@Nullable String standard, @Nullable String validUntil) {
    }

    record SupplierBody(@Nullable String name, @Nullable String facilityClearance, @Nullable BigDecimal capacity,
            @Nullable BigDecimal costFactor, @Nullable List<CertificateBody> certificates,
            @Nullable SecurityLabel label) {
    }

    @PostMapping("/suppliers")
    ResponseEntity<Supplier> register(@RequestBody SupplierBody body) {
        List<Certificate> certificates = new ArrayList<>();
        if (body.certificates() != null) {
            List<CertificateBody> given = Json.list(body.certificates(), "certificates");
            for (int i = 0; i < given.size(); i++) {
                CertificateBody c = given.get(i);
                certificates.add(new Certificate(Json.required(c.standard(), "certificates[" + i + "].standard"),
                        Json.date(c.validUntil(), "certificates[" + i + "].validUntil")));
            }
        }
        Supplier supplier = suppliers.register(subject.get(), new NewSupplier(Json.required(body.name(), "name"),
                Json.enumValue(Classification.class, body.facilityClearance(), "facilityClearance"),
                Json.required(body.capacity(), "capacity"), body.costFactor() == null ? BigDecimal.ONE
                        : body.costFactor(), certificates, Json.required(body.label(), "label")));
        return ResponseEntity.created(URI.create("/api/v1/industry/suppliers/" + supplier.id())).body(supplier);
    }

    @GetMapping("/suppliers")
    List<Supplier> list() {
        return suppliers.list(subject.get());
    }

    @GetMapping("/suppliers/{id}")
    Supplier supplier(@PathVariable String id) {
        return suppliers.supplier(subject.get(), SupplierId.parse(id));
    }

    @PostMapping("/programmes/{id}/allocations")
    ResponseEntity<Allocation> allocate(@PathVariable String id) {
        Allocation allocation = allocations.allocate(subject.get(), ProgrammeId.parse(id));
        return ResponseEntity.created(URI.create("/api/v1/industry/programmes/" + id + "/allocations/"
                + allocation.id())).body(allocation);
    }

    @GetMapping("/programmes/{id}/allocations/{allocation}")
    Allocation allocation(@PathVariable String id, @PathVariable String allocation) {
        return allocations.allocation(subject.get(), ProgrammeId.parse(id), AllocationId.parse(allocation));
    }

    @PostMapping("/programmes/{id}/allocations/{allocation}/acceptance")
    Allocation accept(@PathVariable String id, @PathVariable String allocation) {
        return allocations.accept(subject.get(), ProgrammeId.parse(id), AllocationId.parse(allocation));
    }

    @GetMapping("/balance")
    GlobalBalance balance(@RequestParam(defaultValue = "EUR") String currency) {
        return workShares.globalBalance(subject.get(), currency);
    }

    @GetMapping("/rebalancing")
    List<RebalancingProposal> proposals(@RequestParam(required = false) @Nullable String programmeId) {
        return workShares.proposals(subject.get(), programmeId == null ? null : ProgrammeId.parse(programmeId));
    }

    record CirculationBody(@Nullable String silenceEndsAt, @Nullable SecurityLabel label) {
    }

    /** The Council chair circulates a proposal under silence: {@code {"silenceEndsAt":"2026-12-01T12:00:00Z"}}. */
    @PostMapping("/rebalancing/{id}/circulation")
    ResponseEntity<Decision> circulate(@PathVariable String id, @RequestBody CirculationBody body) {
        Instant ends;
        try {
            ends = Instant.parse(Json.required(body.silenceEndsAt(), "silenceEndsAt"));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("silenceEndsAt must be an ISO 8601 instant");
        }
        return ResponseEntity.status(201).body(workShares.circulate(subject.get(), ProposalId.parse(id), ends,
                body.label()));
    }
}
