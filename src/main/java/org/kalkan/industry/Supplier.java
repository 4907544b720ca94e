package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;

/** A supplier of a nation's defence industry; {@code committed} is the budget of its unfinished packages. */
public record Supplier(SupplierId id, String name, String nation, Classification facilityClearance,
        BigDecimal capacity, BigDecimal costFactor, List<Certificate> certificates, BigDecimal committed,
        SecurityLabel label) {

    public static final String AQAP_2110 = "AQAP-2110";

    public Supplier {
        certificates = List.copyOf(certificates);
    }

    /** Whether it holds a certificate of the standard valid through {@code date}. */
    public boolean certified(String standard, LocalDate date) {
        return certificates.stream().anyMatch(c -> c.standard().equals(standard) && c.validThrough(date));
    }

    public BigDecimal remainingCapacity() {
        return capacity.subtract(committed).max(BigDecimal.ZERO);
    }
}
