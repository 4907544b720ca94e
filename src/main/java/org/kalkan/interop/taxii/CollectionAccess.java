package org.kalkan.interop.taxii;

/** A collection and what the caller may do with it ({@code can_read}, {@code can_write}). */
public record CollectionAccess(TaxiiCollection collection, boolean canRead, boolean canWrite) {
}
