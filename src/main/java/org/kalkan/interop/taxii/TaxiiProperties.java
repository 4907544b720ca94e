package org.kalkan.interop.taxii;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The TAXII server: the largest accepted request body ({@code max_content_length}), the page size when a client
 * names none and the largest it may ask for, the label of objects a CERT account posts without a marking (per
 * account in {@code account-labels}, else {@code default-label}), and how TLP 2.0 markings map to Kalkan labels.
 * A marking may name {@code {nation}}: the posting account's nation.
 */
@ConfigurationProperties("kalkan.taxii")
public record TaxiiProperties(
        @DefaultValue("1048576") long maxContentLength,
        @DefaultValue("100") int defaultLimit,
        @DefaultValue("1000") int maxLimit,
        @DefaultValue("RESTRICTED // REL TO {nation}") String defaultLabel,
        @DefaultValue Map<String, String> accountLabels,
        @DefaultValue Tlp tlp) {

    public TaxiiProperties {
        accountLabels = Map.copyOf(accountLabels);
    }

    /** The Kalkan label each TLP 2.0 level stands for. */
    public record Tlp(
            @DefaultValue("UNCLASSIFIED // REL TO ALL") String clear,
            @DefaultValue("UNCLASSIFIED // REL TO ALL") String green,
            @DefaultValue("RESTRICTED // REL TO MEMBERS") String amber,
            @DefaultValue("RESTRICTED // REL TO {nation}") String amberStrict,
            @DefaultValue("CONFIDENTIAL // REL TO {nation}") String red) {
    }
}
