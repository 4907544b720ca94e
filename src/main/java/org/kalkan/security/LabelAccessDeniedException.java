package org.kalkan.security;

import org.springframework.security.access.AccessDeniedException;

/** A read refused by the access policy; already written to the audit trail when thrown. */
public class LabelAccessDeniedException extends AccessDeniedException {

    public LabelAccessDeniedException(String target) {
        super("You are not cleared to read " + target + ".");
    }
}
