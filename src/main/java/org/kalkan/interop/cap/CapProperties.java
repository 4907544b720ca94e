package org.kalkan.interop.cap;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CAP gateway. In: the configured sources (national alerting systems, each with its own account, the label of
 * its public messages and of its restricted ones, a reference position for areas given only by geocodes, whether
 * it must sign, and the PEM files of the certificates trusted for its signatures); reporting officers who post CAP
 * themselves get {@code default-label} for public messages and their own nation for restricted ones. The size of a
 * message is bounded by {@code kalkan.platform.max-body-bytes}, its depth and elements here. Out: the community
 * the public feed is for ({@code public-release}), the CAP sender and sender name of the node's alerts, and the
 * feed's page size. Labels are written as markings, e.g. {@code UNCLASSIFIED // REL TO ALL}.
 */
@ConfigurationProperties("kalkan.cap")
public record CapProperties(
        @DefaultValue("UNCLASSIFIED // REL TO ALL") String publicRelease,
        @DefaultValue("") String sender,
        @DefaultValue("Kalkan Crisis Management Center") String senderName,
        @DefaultValue("UNCLASSIFIED // REL TO ALL") String defaultLabel,
        @DefaultValue("32") int maxDepth,
        @DefaultValue("20000") int maxElements,
        @DefaultValue("20") int feedPageSize,
        @DefaultValue List<Source> sources) {

    public CapProperties {
        label(publicRelease, "kalkan.cap.public-release");
        label(defaultLabel, "kalkan.cap.default-label");
        if (maxDepth < 4 || maxElements < 10 || feedPageSize < 1 || feedPageSize > 500) {
            throw new IllegalArgumentException(
                    "kalkan.cap: max-depth ≥ 4, max-elements ≥ 10, feed-page-size 1–500");
        }
        for (Source source : sources) {
            if (source.account() == null || source.account().isBlank()) {
                throw new IllegalArgumentException("kalkan.cap.sources[].account is required");
            }
        }
        sources = List.copyOf(sources);
    }

    /**
     * A national alerting system: its account, a name for people, the label of its {@code Public} messages and of
     * its {@code Restricted}/{@code Private} ones (default: RESTRICTED, its own nation), a reference position
     * {@code lat,lon}, whether only messages signed with a trusted certificate are accepted, and trusted PEM files.
     */
    public record Source(String account, @Nullable String name, @Nullable String label,
            @Nullable String restrictedLabel, @Nullable String position, boolean requireSignature,
            @Nullable List<String> trustedCertificates) {

        public Source {
            if (label != null) {
                CapProperties.label(label, "kalkan.cap.sources[" + account + "].label");
            }
            if (restrictedLabel != null) {
                CapProperties.label(restrictedLabel, "kalkan.cap.sources[" + account + "].restricted-label");
            }
            if (position != null) {
                point(position);
            }
        }

        public @Nullable GeoPoint reference() {
            return position == null || position.isBlank() ? null : point(position);
        }

        public List<String> certificates() {
            return trustedCertificates == null ? List.of() : trustedCertificates;
        }
    }

    public SecurityLabel publicReleaseLabel() {
        return label(publicRelease, "kalkan.cap.public-release");
    }

    public Optional<Source> source(String account) {
        return sources.stream().filter(s -> s.account().equals(account)).findFirst();
    }

    /** A label written as a marking: {@code UNCLASSIFIED // REL TO ALL} or {@code RESTRICTED // REL TO AZE, TUR}. */
    public static SecurityLabel label(String marking, String property) {
        String[] parts = marking.split("//", 2);
        String releasability = parts.length > 1 ? parts[1].trim().replaceFirst("^REL TO\\s+", "") : "";
        try {
            return new SecurityLabel(Classification.valueOf(parts[0].trim()),
                    new TreeSet<>(List.of(releasability.split("\\s*,\\s*"))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not a marking like 'UNCLASSIFIED // REL TO ALL': "
                    + marking, e);
        }
    }

    private static GeoPoint point(String position) {
        String[] parts = position.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a source position is 'lat,lon', was " + position);
        }
        return new GeoPoint(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    }
}
