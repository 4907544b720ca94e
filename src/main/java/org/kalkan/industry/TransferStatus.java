package org.kalkan.industry;

/** A transfer recorded under a licence, or an attempt refused because no licence covered it. */
public enum TransferStatus {
    RECORDED, REFUSED
}
