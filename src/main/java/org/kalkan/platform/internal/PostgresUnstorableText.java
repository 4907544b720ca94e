package org.kalkan.platform.internal;

import java.sql.SQLException;
import java.util.List;
import org.kalkan.platform.UnstorableText;
import org.springframework.stereotype.Component;

/** {@link UnstorableText} by PostgreSQL's SQL states. */
@Component
class PostgresUnstorableText implements UnstorableText {

    /** SQL states of text PostgreSQL cannot store: NUL in text (22021), {@code \u0000} in jsonb (22P05). */
    private static final List<String> STATES = List.of("22021", "22P05");

    @Override
    public boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null;
                cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
