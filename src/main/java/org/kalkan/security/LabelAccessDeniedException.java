package org.kalkan.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * A read refused by the access policy; already written to the audit trail when thrown. It is answered exactly like
 * a record that does not exist ({@code 404 "There is no <kind> you can see."}), never naming the record.
 */
public class LabelAccessDeniedException extends AccessDeniedException {

    private final String kind;

    /** {@code target} as in the audit trail, {@code "<kind>:<id>"} (e.g. {@code alert:4f…}). */
    public LabelAccessDeniedException(String target) {
        super("You are not cleared to read " + target + ".");
        int colon = target.indexOf(':');
        this.kind = colon > 0 ? target.substring(0, colon) : "record";
    }

    /** What kind of record was refused ({@code alert}, {@code incident}, …), never which one. */
    public String kind() {
        return kind;
    }
}
