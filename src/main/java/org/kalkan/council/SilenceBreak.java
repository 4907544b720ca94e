package org.kalkan.council;

import java.time.Instant;
import org.kalkan.shared.NationCode;

/** A member nation's written objection to one version of a decision under silence. */
public record SilenceBreak(int version, NationCode nation, String statement, String brokenBy, Instant brokenAt) {
}
