package org.kalkan.interop.taxii.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.interop.taxii.CollectionAccess;
import org.kalkan.interop.taxii.Intel;
import org.kalkan.interop.taxii.TaxiiProperties;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** TAXII 2.1 discovery (§4.1), the API root (§4.2), status resources (§4.3) and the collections (§5.1, §5.2). */
@RestController
class TaxiiRootApi {

    static final String ROOT = "kalkan";
    static final String ROOT_PATH = "/taxii2/" + ROOT + "/";

    private final Intel intel;
    private final CurrentSubject subject;
    private final TaxiiProperties properties;

    TaxiiRootApi(Intel intel, CurrentSubject subject, TaxiiProperties properties) {
        this.intel = intel;
        this.subject = subject;
        this.properties = properties;
    }

    @GetMapping({"/taxii2/", "/taxii2"})
    ResponseEntity<String> discovery(@RequestHeader(value = "Accept", required = false) @Nullable String accept) {
        TaxiiMedia.requireAccept(accept);
        ObjectNode discovery = TaxiiJson.object();
        discovery.put("title", "Kalkan TAXII 2.1 server");
        discovery.put("description", "Cyber threat intelligence of the alliance's national CERTs. Every answer holds "
                + "only what the caller's clearance and nation allow; labels travel as STIX markings.");
        discovery.put("contact", "The node administrator of the Crisis Management Center");
        discovery.put("default", ROOT_PATH);
        discovery.putArray("api_roots").add(ROOT_PATH);
        return TaxiiJson.ok(discovery);
    }

    @GetMapping({"/taxii2/{root}/", "/taxii2/{root}"})
    ResponseEntity<String> apiRoot(@PathVariable String root,
            @RequestHeader(value = "Accept", required = false) @Nullable String accept) {
        check(root, accept);
        ObjectNode apiRoot = TaxiiJson.object();
        apiRoot.put("title", "Kalkan");
        apiRoot.put("description", "Collections: intel (CERT exchange) and incidents (the node's cyberattack "
                + "incidents, read-only).");
        apiRoot.putArray("versions").add(TaxiiMedia.TAXII);
        apiRoot.put("max_content_length", properties.maxContentLength());
        return TaxiiJson.ok(apiRoot);
    }

    @GetMapping({"/taxii2/{root}/status/{id}/", "/taxii2/{root}/status/{id}"})
    ResponseEntity<String> status(@PathVariable String root, @PathVariable String id,
            @RequestHeader(value = "Accept", required = false) @Nullable String accept) {
        check(root, accept);
        UUID statusId;
        try {
            statusId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw NotFoundException.noVisible("status resource");
        }
        return TaxiiJson.ok(TaxiiJson.status(intel.status(subject.get(), statusId)));
    }

    @GetMapping({"/taxii2/{root}/collections/", "/taxii2/{root}/collections"})
    ResponseEntity<String> collections(@PathVariable String root,
            @RequestHeader(value = "Accept", required = false) @Nullable String accept) {
        check(root, accept);
        ObjectNode collections = TaxiiJson.object();
        ArrayNode list = collections.putArray("collections");
        for (CollectionAccess access : intel.collections(subject.get())) {
            list.add(TaxiiJson.collection(access));
        }
        return TaxiiJson.ok(collections);
    }

    @GetMapping({"/taxii2/{root}/collections/{id}/", "/taxii2/{root}/collections/{id}"})
    ResponseEntity<String> collection(@PathVariable String root, @PathVariable String id,
            @RequestHeader(value = "Accept", required = false) @Nullable String accept) {
        check(root, accept);
        return TaxiiJson.ok(TaxiiJson.collection(intel.collection(subject.get(), id)));
    }

    /** Anything else under {@code /taxii2/}: a TAXII 404, not the node's error page. */
    @RequestMapping("/taxii2/**")
    ResponseEntity<String> unknown() {
        throw new TaxiiException(404, "Not Found", "No such TAXII resource on this server; start at /taxii2/.");
    }

    static void check(String root, @Nullable String accept) {
        TaxiiMedia.requireAccept(accept);
        if (!ROOT.equals(root)) {
            throw new TaxiiException(404, "Not Found", "No API root " + root + "; this server's is " + ROOT_PATH);
        }
    }
}
