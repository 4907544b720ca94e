package org.kalkan.interop.taxii.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Content negotiation as TAXII 2.1 defines it: every TAXII resource is {@code application/taxii+json;version=2.1}
 * (a request may leave the version out: the latest, 2.1); STIX objects are {@code application/stix+json;version=2.1}.
 * A request that accepts no TAXII 2.1 media type is answered 406, a body of another type 415.
 */
final class TaxiiMedia {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String STIX = "application/stix+json;version=2.1";

    private TaxiiMedia() {
    }

    static void requireAccept(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            throw new TaxiiException(406, "Not Acceptable", "Send 'Accept: " + TAXII + "'.");
        }
        for (String range : accept.split(",")) {
            if (isTaxii21(range) && !refused(range)) {
                return;
            }
        }
        throw new TaxiiException(406, "Not Acceptable", "This server answers " + TAXII + " only; Accept was: "
                + accept);
    }

    static void requireContentType(@Nullable String contentType) {
        if (contentType == null || !isTaxii21(contentType)) {
            throw new TaxiiException(415, "Unsupported Media Type", "Send the envelope as 'Content-Type: " + TAXII
                    + "'; it was: " + contentType);
        }
    }

    /** {@code application/taxii+json} with no version or version 2.1; other parameters (charset) are ignored. */
    private static boolean isTaxii21(String mediaType) {
        String[] parts = mediaType.split(";");
        if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("application/taxii+json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("version")
                    && (parameter.length < 2 || !parameter[1].trim().replace("\"", "").equals("2.1"))) {
                return false;
            }
        }
        return true;
    }

    /** A media range with {@code q=0} is one the client refuses. */
    private static boolean refused(String range) {
        for (String parameter : range.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("q")) {
                try {
                    return Double.parseDouble(pair[1].trim()) <= 0;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
