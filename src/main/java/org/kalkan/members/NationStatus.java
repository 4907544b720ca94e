package org.kalkan.members;

/** Members take part in decisions; observers only see what is released to them. */
public enum NationStatus {
    MEMBER,
    OBSERVER
}
