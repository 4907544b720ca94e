package org.kalkan.security;

/** What a user may do; what they may read is decided by clearance and nation, not by role. */
public enum Role {
    ADMIN,
    REPORTING_OFFICER,
    WATCH_OFFICER,
    CRISIS_MANAGER,
    COUNCIL_DELEGATE,
    COUNCIL_CHAIR,
    FORCE_PLANNER,
    EXERCISE_DIRECTOR,
    OBSERVER;

    public String authority() {
        return "ROLE_" + name();
    }
}
