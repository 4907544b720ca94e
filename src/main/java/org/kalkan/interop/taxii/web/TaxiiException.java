package org.kalkan.interop.taxii.web;

/** A refusal of the TAXII protocol itself (media type, size, envelope shape), answered as a TAXII error resource. */
final class TaxiiException extends RuntimeException {

    private final int status;
    private final String title;

    TaxiiException(int status, String title, String description) {
        super(description);
        this.status = status;
        this.title = title;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }
}
