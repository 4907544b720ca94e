package org.kalkan.industry;

/** A schedule milestone, or a delivery that the programme accepts or rejects. */
public enum MilestoneKind {
    MILESTONE, DELIVERY
}
