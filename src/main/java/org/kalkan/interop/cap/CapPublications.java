package org.kalkan.interop.cap;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.Precedence;
import org.kalkan.security.Subject;

/**
 * CAP out: the node's alerts that the public release ({@code kalkan.cap.public-release}) covers, as CAP 1.2
 * signed with the node's key (XMLDSig, ECDSA-SHA256, the certificate in KeyInfo), in an Atom feed, and in an EDXL-DE
 * envelope. Alerts are read through the notification module, which filters by the release in SQL, and each is
 * checked again here before a byte is written; anything else does not exist for these endpoints. Exercise alerts
 * are published with status {@code Exercise}. A sender may cancel a published alert or update it with a new
 * alert; the cancellation or update references what it replaces (only if that was published too).
 */
public interface CapPublications {

    /** The signed CAP 1.2 document of a published alert or cancellation, or empty. */
    Optional<byte[]> cap(UUID id);

    /** The signed CAP document in an EDXL-DE 1.0 envelope, or empty. */
    Optional<byte[]> edxlDe(UUID id);

    /** One page of the Atom feed, newest first: entries before {@code before} (a cursor) when given. */
    byte[] feed(@Nullable Instant before);

    /**
     * Cancels a published alert: the alert's origin nation's sender (who can read it) records why; the feed then
     * carries a CAP {@code Cancel} referencing it. Returns the cancellation's id.
     */
    UUID cancel(Subject subject, AlertId id, String note);

    /**
     * Updates a published alert with a new alert to the same recipients under the same label (raised through the
     * notification module as the subject); its CAP says {@code Update} and references the original.
     */
    AlertId update(Subject subject, AlertId id, String text, @Nullable Precedence precedence);

    /** The certificate that verifies everything the node signs, as PEM. */
    String certificatePem();
}
