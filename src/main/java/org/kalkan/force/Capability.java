package org.kalkan.force;

/** What a unit can do. */
public enum Capability {
    COUNTER_TERRORISM,
    SOF,
    INFANTRY,
    MECHANISED,
    UAV_ISR,
    AIR_DEFENCE,
    CYBER_DEFENCE,
    CBRN_DEFENCE,
    ENGINEER,
    /** Explosive ordnance disposal (IED and munitions clearance). */
    EOD,
    MEDICAL,
    MEDEVAC,
    MILITARY_POLICE,
    BORDER_SECURITY,
    AIRLIFT,
    LOGISTICS
}
