package org.kalkan.interop.taxii.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.taxii.Intel;
import org.kalkan.interop.taxii.ObjectFilter;
import org.kalkan.interop.taxii.ObjectPage;
import org.kalkan.interop.taxii.TaxiiProperties;
import org.kalkan.interop.taxii.VersionMatch;
import org.kalkan.security.CurrentSubject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** TAXII 2.1 §5.3–5.8: manifests, objects (get, add, delete) and object versions of a collection. */
@RestController
class TaxiiObjectsApi {

    private static final String COLLECTION = "/taxii2/{root}/collections/{collection}";

    private final Intel intel;
    private final CurrentSubject subject;
    private final TaxiiProperties properties;

    TaxiiObjectsApi(Intel intel, CurrentSubject subject, TaxiiProperties properties) {
        this.intel = intel;
        this.subject = subject;
        this.properties = properties;
    }

    /** Objects (§5.4) or their manifest (§5.3): the same entries, filters and paging, in two shapes. */
    @GetMapping({COLLECTION + "/manifest/", COLLECTION + "/manifest", COLLECTION + "/objects/",
            COLLECTION + "/objects"})
    ResponseEntity<String> objects(@PathVariable String root, @PathVariable String collection,
            @RequestHeader(value = "Accept", required = false) @Nullable String accept,
            @RequestParam Map<String, String> parameters, HttpServletRequest request) {
        TaxiiRootApi.check(root, accept);
        ObjectPage page = intel.objects(subject.get(), collection, filter(parameters, VersionMatch.LAST));
        boolean manifest = request.getRequestURI().contains("/manifest");
        return TaxiiJson.respond(HttpStatus.OK, manifest ? TaxiiJson.manifest(page) : TaxiiJson.envelope(page),
                TaxiiJson.dateAdded(page.entries()));
    }

    @PostMapping({COLLECTION + "/objects/", COLLECTION + "/objects"})
    ResponseEntity<String> add(@PathVariable String root, @PathVariable String collection,
            @RequestHeader(value = "Accept", required = false) @Nullable String accept,
            @RequestHeader(value = "Content-Type", required = false) @Nullable String contentType,
            HttpServletRequest request) {
        TaxiiRootApi.check(root, accept);
        var caller = subject.get();
        intel.requireWritable(caller, collection); // 404 or 403 before the body is read
        TaxiiMedia.requireContentType(contentType);
        List<JsonNode> objects = envelopeObjects(read(request));
        return TaxiiJson.respond(HttpStatus.ACCEPTED, TaxiiJson.status(intel.add(caller, collection, objects)),
                new HttpHeaders());
    }

    @GetMapping({COLLECTION + "/objects/{id}/", COLLECTION + "/objects/{id}"})
    ResponseEntity<String> object(@PathVariable String root, @PathVariable String collection, @PathVariable String id,
            @RequestHeader(value = "Accept", required = false) @Nullable String accept,
            @RequestParam Map<String, String> parameters) {
        TaxiiRootApi.check(root, accept);
        ObjectPage page = intel.object(subject.get(), collection, id, filter(parameters, VersionMatch.LAST));
        return TaxiiJson.respond(HttpStatus.OK, TaxiiJson.envelope(page), TaxiiJson.dateAdded(page.entries()));
    }

    @DeleteMapping({COLLECTION + "/objects/{id}/", COLLECTION + "/objects/{id}"})
    ResponseEntity<String> delete(@PathVariable String root, @PathVariable String collection, @PathVariable String id,
            @RequestHeader(value = "Accept", required = false) @Nullable String accept,
            @RequestParam Map<String, String> parameters) {
        TaxiiRootApi.check(root, accept);
        intel.delete(subject.get(), collection, id, filter(parameters, VersionMatch.ALL));
        return ResponseEntity.ok().build();
    }

    @GetMapping({COLLECTION + "/objects/{id}/versions/", COLLECTION + "/objects/{id}/versions"})
    ResponseEntity<String> versions(@PathVariable String root, @PathVariable String collection,
            @PathVariable String id, @RequestHeader(value = "Accept", required = false) @Nullable String accept,
            @RequestParam Map<String, String> parameters) {
        TaxiiRootApi.check(root, accept);
        Map<String, String> allVersions = new HashMap<>(parameters);
        allVersions.put("match[version]", "all");
        ObjectPage page = intel.object(subject.get(), collection, id, filter(allVersions, VersionMatch.ALL));
        return TaxiiJson.respond(HttpStatus.OK, TaxiiJson.versions(page), TaxiiJson.dateAdded(page.entries()));
    }

    /** The TAXII filters of the query string ({@code added_after}, {@code limit}, {@code next}, {@code match[…]}). */
    private ObjectFilter filter(Map<String, String> parameters, VersionMatch defaultVersions) {
        return ObjectFilter.parse(parameters.get("added_after"), parameters.get("limit"), parameters.get("next"),
                parameters.get("match[id]"), parameters.get("match[type]"), parameters.get("match[version]"),
                parameters.get("match[spec_version]"), defaultVersions, properties.defaultLimit(),
                properties.maxLimit());
    }

    /** The body, refused with 413 beyond {@code max_content_length} whether or not its length was declared. */
    private byte[] read(HttpServletRequest request) {
        long max = properties.maxContentLength();
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw tooLarge(max);
            }
            return body;
        } catch (IOException e) {
            throw new TaxiiException(400, "Bad Request", "The request body could not be read.");
        }
    }

    private static TaxiiException tooLarge(long max) {
        return new TaxiiException(413, "Content Too Large", "The envelope exceeds max_content_length (" + max
                + " bytes); send fewer objects per request.");
    }

    private static List<JsonNode> envelopeObjects(byte[] body) {
        JsonNode envelope;
        try {
            envelope = TaxiiJson.JSON.readTree(body);
        } catch (JacksonException e) {
            throw new TaxiiException(400, "Bad Request", "The body is not valid JSON.");
        }
        if (envelope == null || !envelope.isObject()) {
            throw new TaxiiException(422, "Unprocessable Content", "The body must be a TAXII envelope: "
                    + "{\"objects\": [ … ]}.");
        }
        JsonNode objects = envelope.get("objects");
        if (objects == null) {
            return List.of();
        }
        if (!objects.isArray()) {
            throw new TaxiiException(422, "Unprocessable Content", "The envelope's objects must be a list.");
        }
        List<JsonNode> list = new ArrayList<>();
        objects.forEach(list::add);
        return list;
    }
}
