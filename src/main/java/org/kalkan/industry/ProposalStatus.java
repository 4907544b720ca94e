package org.kalkan.industry;

/** A rebalancing proposal: proposed, circulated to the Council under silence, adopted, or withdrawn. */
public enum ProposalStatus {
    PROPOSED, CIRCULATED, ADOPTED, WITHDRAWN
}
