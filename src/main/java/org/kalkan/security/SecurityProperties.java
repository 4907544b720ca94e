package org.kalkan.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings: token lifetime, sign-in throttling, the first admin's password, the metrics scrape token,
 * TOTP issuer, the optional OIDC login with the claims that carry nation, roles and clearance, and the audit
 * sequencer's interval.
 */
@ConfigurationProperties("kalkan.security")
public record SecurityProperties(
        @DefaultValue("PT8H") Duration tokenTtl,
        @DefaultValue Throttle throttle,
        @DefaultValue("") String bootstrapAdminPassword,
        @DefaultValue("") String metricsToken,
        @DefaultValue("Kalkan") String totpIssuer,
        @DefaultValue Oidc oidc,
        @DefaultValue Audit audit) {

    /** The audit sequencer's pause between runs: entries reach the Merkle tree within about this time. */
    public record Audit(@DefaultValue("PT0.5S") Duration sequenceInterval) {
    }

    /**
     * Sign-in throttling. One client address may fail {@code sourceMaxFailures} times within {@code sourceWindow}
     * before it waits out the window. An account (from one address; also a username that does not exist) may fail
     * {@code freeFailures} times; each further failure doubles the wait, from {@code firstDelay} up to
     * {@code maxDelay}. The same backoff applies to confirming a second factor. Nothing locks an account: its owner
     * signs in from another address at once, and the waits end by themselves.
     */
    public record Throttle(
            @DefaultValue("20") int sourceMaxFailures,
            @DefaultValue("PT15M") Duration sourceWindow,
            @DefaultValue("3") int freeFailures,
            @DefaultValue("PT1S") Duration firstDelay,
            @DefaultValue("PT15M") Duration maxDelay) {
    }

    public record Oidc(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("kalkan_nation") String nationClaim,
            @DefaultValue("kalkan_roles") String rolesClaim,
            @DefaultValue("kalkan_clearance") String clearanceClaim,
            @DefaultValue("preferred_username") String usernameClaim) {
    }
}
