package org.kalkan.training;

/**
 * The credentials of a newly registered learning system, shown once: HTTP Basic {@code key:secret}, or
 * {@code Authorization: Bearer <token>}. Only their hashes are stored.
 */
public record IssuedCredentials(LearningSystem system, String key, String secret, String token) {
}
