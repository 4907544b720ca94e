package org.kalkan.training;

import org.jspecify.annotations.Nullable;

/** Catalogue search: words in code, title or objectives; language; delivering nation; qualification granted. */
public record CourseQuery(@Nullable String text, @Nullable String language, @Nullable String nation,
        @Nullable String qualification) {

    public static CourseQuery all() {
        return new CourseQuery(null, null, null, null);
    }
}
