package org.kalkan.interop.cap;

import org.kalkan.security.Subject;

/**
 * Takes CAP in: from a reporting officer or a configured source account, a CAP alert or an EDXL-DE envelope of
 * alerts is parsed (hardened), checked against the schema and every CAP rule, its signatures verified against the
 * source's trusted certificates, and each alert then files, updates or withdraws reports — all in one transaction,
 * or nothing. A refused post is recorded (in a transaction of its own) with every violation, and answered 400.
 */
public interface CapGateway {

    /** Receives a post; see the class comment. Refusals: 403 (role), 400 (every violation listed). */
    CapReceipt receive(Subject subject, byte[] body);
}
