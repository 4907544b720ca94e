package org.kalkan.security.web;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.ConfidentialityLabels;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Converts a Kalkan label into a STANAG 4774 confidentiality label: XML when the client accepts
 * {@code application/xml}, otherwise JSON. Records are exported with their own label by their modules.
 */
@RestController
class LabelExportApi {

    private final ConfidentialityLabels labels;
    private final NationDirectory nations;
    private final Clock clock;

    LabelExportApi(ConfidentialityLabels labels, NationDirectory nations, Clock clock) {
        this.labels = labels;
        this.nations = nations;
        this.clock = clock;
    }

    @PostMapping("/api/v1/labels/stanag4774")
    ResponseEntity<String> export(@RequestBody SecurityLabel label,
            @RequestHeader(value = "Accept", required = false) @Nullable String accept) {
        for (String entry : label.releasableTo()) {
            if (!nations.isKnownReleasabilityEntry(entry)) {
                throw new IllegalArgumentException("releasableTo: unknown nation or community " + entry);
            }
        }
        if (accept != null && accept.contains(MediaType.APPLICATION_XML_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(labels.xml(label, clock.instant()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(labels.json(label, clock.instant()));
    }
}
