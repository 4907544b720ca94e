package org.kalkan.industry;

import java.util.UUID;

/** The id of a co-production proposal. */
public record ProposalId(UUID value) {

    public ProposalId {
        if (value == null) {
            throw new IllegalArgumentException("a proposal id is required");
        }
    }

    public static ProposalId random() {
        return new ProposalId(UUID.randomUUID());
    }

    /** Parses a path or body value; a malformed id is a bad request. */
    public static ProposalId parse(String text) {
        try {
            return new ProposalId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a proposal id: " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
