package org.kalkan.federation.internal;

/** What an entry does to its record: the record as it is now (create, update, label change), or a tombstone. */
enum Op {
    UPSERT,
    WITHDRAW
}
