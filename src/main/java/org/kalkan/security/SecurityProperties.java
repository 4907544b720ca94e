package org.kalkan.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings: token lifetime, login throttling, the first admin's password, TOTP issuer and the
 * optional OIDC login with the claims that carry nation, roles and clearance, and the audit sequencer's interval.
 */
@ConfigurationProperties("kalkan.security")
public record SecurityProperties(
        @DefaultValue("PT8H") Duration tokenTtl,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("PT15M") Duration lockDuration,
        @DefaultValue("") String bootstrapAdminPassword,
        @DefaultValue("Kalkan") String totpIssuer,
        @DefaultValue Oidc oidc,
        @DefaultValue Audit audit) {

    /** The audit sequencer's pause between runs: entries reach the Merkle tree within about this time. */
    public record Audit(@DefaultValue("PT0.5S") java.time.Duration sequenceInterval) {
    }

    public record Oidc(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("kalkan_nation") String nationClaim,
            @DefaultValue("kalkan_roles") String rolesClaim,
            @DefaultValue("kalkan_clearance") String clearanceClaim,
            @DefaultValue("preferred_username") String usernameClaim) {
    }
}
