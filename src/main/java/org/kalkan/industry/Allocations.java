package org.kalkan.industry;

import org.kalkan.security.Subject;

/** Allocation of a programme's open work packages to suppliers (the programme's managers, origin nation). */
public interface Allocations {

    /** Computes and stores a PROPOSED allocation of the open packages. */
    Allocation allocate(Subject subject, ProgrammeId programme);

    Allocation allocation(Subject subject, ProgrammeId programme, AllocationId id);

    /** Applies a PROPOSED allocation: each assigned package gets its supplier and performing nation. */
    Allocation accept(Subject subject, ProgrammeId programme, AllocationId id);
}
