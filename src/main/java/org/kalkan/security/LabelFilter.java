package org.kalkan.security;

import java.util.Map;

/**
 * A SQL predicate that keeps only the rows a subject may read, with its named parameters. Tables that hold
 * labelled records carry the columns {@code classification SMALLINT}, {@code releasable_to TEXT[]} and
 * {@code origin_nation CHAR(3)} (ADR 0002), so counts and pages are filtered in the database.
 */
public record LabelFilter(String sql, Map<String, Object> parameters) {

    public LabelFilter {
        parameters = Map.copyOf(parameters);
    }
}
