package org.kalkan.interop.taxii.web;

import java.util.List;
import org.kalkan.interop.taxii.CollectionAccess;
import org.kalkan.interop.taxii.ObjectPage;
import org.kalkan.interop.taxii.StixEntry;
import org.kalkan.interop.taxii.StixTimestamps;
import org.kalkan.interop.taxii.Submission;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The TAXII 2.1 resources as JSON, with the media type and the date-added headers the specification asks for. */
final class TaxiiJson {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DATE_ADDED_FIRST = "X-TAXII-Date-Added-First";
    static final String DATE_ADDED_LAST = "X-TAXII-Date-Added-Last";

    private TaxiiJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ResponseEntity<String> ok(ObjectNode body) {
        return respond(HttpStatus.OK, body, new HttpHeaders());
    }

    static ResponseEntity<String> respond(HttpStatus status, ObjectNode body, HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.parseMediaType(TaxiiMedia.TAXII))
                .body(JSON.writeValueAsString(body));
    }

    static ObjectNode collection(CollectionAccess access) {
        ObjectNode collection = object();
        collection.put("id", access.collection().id().toString());
        collection.put("title", access.collection().title());
        collection.put("description", access.collection().description());
        collection.put("alias", access.collection().alias());
        collection.put("can_read", access.canRead());
        collection.put("can_write", access.canWrite());
        collection.putArray("media_types").add(TaxiiMedia.STIX);
        return collection;
    }

    /** The {@code X-TAXII-Date-Added-First}/{@code -Last} of a page: the first and last object's date added. */
    static HttpHeaders dateAdded(List<StixEntry> entries) {
        HttpHeaders headers = new HttpHeaders();
        if (!entries.isEmpty()) {
            headers.set(DATE_ADDED_FIRST, StixTimestamps.micros(entries.get(0).dateAdded()));
            headers.set(DATE_ADDED_LAST, StixTimestamps.micros(entries.get(entries.size() - 1).dateAdded()));
        }
        return headers;
    }

    static ObjectNode envelope(ObjectPage page) {
        ObjectNode envelope = paged(page);
        ArrayNode objects = envelope.putArray("objects");
        page.entries().forEach(e -> objects.add(e.object()));
        return envelope;
    }

    static ObjectNode manifest(ObjectPage page) {
        ObjectNode manifest = paged(page);
        ArrayNode objects = manifest.putArray("objects");
        for (StixEntry entry : page.entries()) {
            ObjectNode record = objects.addObject();
            record.put("id", entry.id());
            record.put("date_added", StixTimestamps.micros(entry.dateAdded()));
            record.put("version", entry.version());
            record.put("media_type", TaxiiMedia.STIX);
        }
        return manifest;
    }

    static ObjectNode versions(ObjectPage page) {
        ObjectNode versions = object();
        versions.put("more", page.more());
        ArrayNode list = versions.putArray("versions");
        page.entries().forEach(e -> list.add(e.version()));
        return versions;
    }

    private static ObjectNode paged(ObjectPage page) {
        ObjectNode paged = object();
        paged.put("more", page.more());
        if (page.next() != null) {
            paged.put("next", page.next());
        }
        return paged;
    }

    static ObjectNode status(Submission submission) {
        ObjectNode status = object();
        status.put("id", submission.id().toString());
        status.put("status", submission.status());
        status.put("request_timestamp", StixTimestamps.micros(submission.requestTimestamp()));
        status.put("total_count", submission.totalCount());
        status.put("success_count", submission.successes().size());
        details(status.putArray("successes"), submission.successes());
        status.put("failure_count", submission.failures().size());
        details(status.putArray("failures"), submission.failures());
        status.put("pending_count", submission.pending().size());
        details(status.putArray("pending"), submission.pending());
        return status;
    }

    private static void details(ArrayNode array, List<Submission.Detail> details) {
        for (Submission.Detail detail : details) {
            ObjectNode node = array.addObject();
            node.put("id", detail.id());
            node.put("version", detail.version());
            if (detail.message() != null) {
                node.put("message", detail.message());
            }
        }
    }

    static ObjectNode error(int status, String title, String description) {
        ObjectNode error = object();
        error.put("title", title);
        error.put("description", description);
        error.put("http_status", Integer.toString(status));
        return error;
    }
}
