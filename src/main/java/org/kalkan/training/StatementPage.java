package org.kalkan.training;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of statements and, when more match, the cursor that continues the same query. */
public record StatementPage(List<StoredStatement> statements, @Nullable Long next) {

    public StatementPage {
        statements = List.copyOf(statements);
    }
}
