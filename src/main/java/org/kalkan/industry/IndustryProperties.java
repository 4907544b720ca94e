package org.kalkan.industry;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Co-production settings: the work-share tolerance band (±, as a fraction of the cost share), how long before
 * expiry a licence is flagged, the weight of one unit of balance deviation against one unit of cost in allocation,
 * and the allocation solver's time limit.
 */
@ConfigurationProperties("kalkan.industry")
public record IndustryProperties(@DefaultValue("0.05") BigDecimal balanceTolerance,
        @DefaultValue("P60D") Duration licenceExpiryWarning, @DefaultValue("1") BigDecimal balanceWeight,
        @DefaultValue("10") int allocationSeconds) {

    public IndustryProperties {
        if (balanceTolerance.signum() < 0 || balanceTolerance.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("kalkan.industry.balance-tolerance must be in [0, 1)");
        }
        if (balanceWeight.signum() < 0) {
            throw new IllegalArgumentException("kalkan.industry.balance-weight must not be negative");
        }
        if (allocationSeconds < 1 || allocationSeconds > 120) {
            throw new IllegalArgumentException("kalkan.industry.allocation-seconds must be 1 to 120");
        }
    }
}
