package org.kalkan.force;

/**
 * A stored sourcing plan: computed ({@code DRAFT}), submitted by a planner for the Council's approval (its offers
 * ACCEPTED), circulated by the chair as a decision naming {@code ACTIVATE_FORCES}, and adopted (offers ACTIVATED).
 */
public enum PlanStatus {
    DRAFT,
    SUBMITTED,
    CIRCULATED,
    ADOPTED
}
