package org.kalkan.industry;

import java.math.BigDecimal;
import java.util.List;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;

/**
 * A supplier of the registering nation: its facility security clearance, the value of work it can take on
 * (capacity), its cost factor (price of a package relative to its budget, 1 = at budget) and its certificates.
 */
public record NewSupplier(String name, Classification facilityClearance, BigDecimal capacity, BigDecimal costFactor,
        List<Certificate> certificates, SecurityLabel label) {

    public NewSupplier {
        certificates = List.copyOf(certificates);
    }
}
