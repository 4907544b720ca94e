package org.kalkan.incident.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kalkan.incident.BatchItem;
import org.kalkan.incident.FiledReport;
import org.kalkan.incident.Incidents;
import org.kalkan.security.CurrentSubject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reports in batches, for feeds and gateways (CAP, TAK, national nodes): {@code POST /api/v1/reports/batch} with a
 * JSON array, or {@code application/x-ndjson} (one report a line), of up to {@value Incidents#MAX_BATCH} reports in
 * the shape {@code POST /api/v1/reports} takes. Every item is read and validated before anything is stored; any bad
 * one refuses the whole batch (400, {@code errors} naming each bad item as {@code items[i]}). Otherwise all are filed
 * in one transaction: 201 with the new reports' ids in the order they were sent.
 */
@RestController
class ReportBatchApi {

    static final String NDJSON = "application/x-ndjson";

    private final Incidents incidents;
    private final CurrentSubject subject;
    private final JsonMapper json;

    ReportBatchApi(Incidents incidents, CurrentSubject subject, JsonMapper json) {
        this.incidents = incidents;
        this.subject = subject;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/reports/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    List<String> array(@RequestBody byte[] body) {
        JsonNode array;
        try {
            array = json.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON: " + firstLine(e));
        }
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("the body must be a JSON array of reports (or NDJSON, one a line, "
                    + "with Content-Type " + NDJSON + ")");
        }
        checkSize(array.size());
        List<BatchItem> items = new ArrayList<>(array.size());
        array.forEach(node -> items.add(item(node)));
        return file(items);
    }

    @PostMapping(path = "/api/v1/reports/batch", consumes = NDJSON)
    @ResponseStatus(HttpStatus.CREATED)
    List<String> lines(@RequestBody byte[] body) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        checkSize(lines.size());
        List<BatchItem> items = new ArrayList<>(lines.size());
        for (String line : lines) {
            try {
                items.add(item(json.readTree(line)));
            } catch (JacksonException e) {
                items.add(BatchItem.unreadable("not a JSON object: " + firstLine(e)));
            }
        }
        return file(items);
    }

    private List<String> file(List<BatchItem> items) {
        return incidents.reportAll(subject.get(), items).stream().map(FiledReport::id).map(Object::toString)
                .toList();
    }

    private BatchItem item(JsonNode node) {
        if (node == null || !node.isObject()) {
            return BatchItem.unreadable("a report is a JSON object in the shape POST /api/v1/reports takes");
        }
        try {
            return BatchItem.of(json.treeToValue(node, ReportRequest.class).toNewReport("API"));
        } catch (JacksonException e) {
            return BatchItem.unreadable(firstLine(e));
        } catch (IllegalArgumentException e) {
            return BatchItem.unreadable(e.getMessage());
        }
    }

    private static void checkSize(int size) {
        if (size < 1 || size > Incidents.MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + Incidents.MAX_BATCH + " reports, not " + size);
        }
    }

    /** Jackson's message without the source location it appends (which echoes the input). */
    private static String firstLine(JacksonException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
