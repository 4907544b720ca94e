package org.kalkan.crisis;

/** How alert a member state or region is, in ascending order. */
public enum AlertLevel {
    NORMAL,
    ELEVATED,
    HIGH,
    SEVERE
}
