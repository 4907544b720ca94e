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
    OBSERVER,
    /** Keeps the alliance's course catalogue and sessions (at the centre). */
    TRAINING_COORDINATOR,
    /** Nominates and keeps the training records of their own nation's personnel. */
    TRAINING_MANAGER,
    /** Runs co-production programmes: work packages, progress, licences and transfers. */
    PROGRAMME_MANAGER,
    /** A national CERT's account exchanging cyber threat intelligence (STIX over TAXII). */
    CERT,
    /** A national alerting system that posts CAP messages as reports. */
    CAP_SOURCE;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The authorities of these roles (for a navigation link offered to them). */
    public static String[] authorities(Role... roles) {
        return java.util.Arrays.stream(roles).map(Role::authority).toArray(String[]::new);
    }

    /** The authorities of every role but these (for a link every role uses except a few). */
    public static String[] authoritiesExcept(Role... excluded) {
        java.util.Set<Role> left = java.util.EnumSet.allOf(Role.class);
        left.removeAll(java.util.List.of(excluded));
        return authorities(left.toArray(Role[]::new));
    }
}
