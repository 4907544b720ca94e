package org.kalkan.council;

import java.util.Set;

/**
 * Tells delegates that a decision was circulated, in the circulating transaction, so that every delegate has been
 * notified before its silence (or the consensus) starts: a decision whose delegates cannot all be notified is not
 * circulated. Implemented by the {@code notification} module (a flash alert to each delegate); without an
 * implementation no binding decision can be circulated (the rule fails closed).
 */
public interface DelegateNotices {

    /** Alerts the named delegates (usernames) of the circulated version; returns those who were alerted. */
    Set<String> notifyDelegates(DecisionCirculated circulated, Set<String> delegates);
}
