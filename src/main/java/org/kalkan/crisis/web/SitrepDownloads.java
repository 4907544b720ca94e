package org.kalkan.crisis.web;

import org.kalkan.crisis.Sitrep;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An issued SITREP as a file to save: {@code sitrep-<n>.pdf} or {@code sitrep-<n>.json}. */
final class SitrepDownloads {

    private SitrepDownloads() {
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, int number) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("sitrep-" + number + ".pdf")).body(pdf);
    }

    static ResponseEntity<CrisisJson.SitrepView> json(Sitrep sitrep) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("sitrep-" + sitrep.number() + ".json"))
                .body(CrisisJson.SitrepView.of(sitrep));
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename).build().toString();
    }
}
