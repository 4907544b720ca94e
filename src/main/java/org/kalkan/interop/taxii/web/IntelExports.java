package org.kalkan.interop.taxii.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.kalkan.incident.FiledReport;
import org.kalkan.interop.taxii.IntelBrowser;
import org.kalkan.interop.taxii.IntelReports;
import org.kalkan.interop.taxii.StixEntry;
import org.kalkan.interop.taxii.internal.Markings;
import org.kalkan.security.ConfidentialityLabels;
import org.kalkan.security.CurrentSubject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One object out of the node: as a STIX bundle with its marking-definition, its label as a STANAG 4774
 * confidentiality label (XML or JSON), or the bundle with its label bound to it and signed by the node (STANAG 4778
 * style). Served to the pages (session) and to the API (bearer token) alike; a watch officer also files a report
 * from a located sighting or indicator through the API.
 */
@RestController
class IntelExports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IntelBrowser browser;
    private final IntelReports reports;
    private final ConfidentialityLabels labels;
    private final CurrentSubject subject;
    private final Clock clock;

    IntelExports(IntelBrowser browser, IntelReports reports, ConfidentialityLabels labels, CurrentSubject subject,
            Clock clock) {
        this.browser = browser;
        this.reports = reports;
        this.labels = labels;
        this.subject = subject;
        this.clock = clock;
    }

    @GetMapping({"/cti/objects/{id}/bundle", "/api/v1/cti/objects/{id}/bundle"})
    ResponseEntity<String> bundle(@PathVariable String id) {
        StixEntry entry = browser.latest(subject.get(), id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(TaxiiMedia.STIX))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".json\"")
                .body(bundleOf(entry));
    }

    @GetMapping({"/cti/objects/{id}/label", "/api/v1/cti/objects/{id}/label"})
    ResponseEntity<String> label(@PathVariable String id,
            @RequestParam(defaultValue = "xml") String format) {
        StixEntry entry = browser.latest(subject.get(), id);
        if (format.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(labels.json(entry.label(), clock.instant()));
        }
        if (!format.equals("xml")) {
            throw new IllegalArgumentException("format must be xml or json, was " + format);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(labels.xml(entry.label(), clock.instant()));
    }

    @GetMapping({"/cti/objects/{id}/binding", "/api/v1/cti/objects/{id}/binding"})
    ResponseEntity<String> binding(@PathVariable String id) {
        StixEntry entry = browser.latest(subject.get(), id);
        String binding = labels.bind(entry.label(), bundleOf(entry).getBytes(StandardCharsets.UTF_8), TaxiiMedia.STIX,
                clock.instant());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".bdo.xml\"")
                .body(binding);
    }

    record Filed(String reportId, String incidentId) {
    }

    @PostMapping("/api/v1/cti/objects/{id}/report")
    ResponseEntity<Filed> report(@PathVariable String id) {
        FiledReport report = reports.report(subject.get(), id);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + report.incidentId()))
                .body(new Filed(report.id().value().toString(), report.incidentId().value().toString()));
    }

    /** A STIX bundle of the object and the marking-definition of its label. */
    static String bundleOf(StixEntry entry) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        var objects = bundle.putArray("objects");
        objects.add(entry.object());
        if (!entry.type().equals("marking-definition")) {
            objects.add(Markings.markingDefinition(entry.label()));
        }
        return JSON.writeValueAsString(bundle);
    }

}
