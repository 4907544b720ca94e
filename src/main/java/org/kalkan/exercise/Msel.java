package org.kalkan.exercise;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.security.Subject;

/**
 * The master scenario events list: EXCON adds and imports injects and steers their delivery (deliver now, hold,
 * release, resend, delay, cancel). Only EXCON and evaluators read the MSEL: players must not see what is coming.
 */
public interface Msel {

    /** An EXCON action on one inject. */
    enum Action { DELIVER, HOLD, RELEASE, RESEND, DELAY, CANCEL }

    /** A row of an import that was refused, counted from 1 after the header. */
    record RowError(int row, String message) {
    }

    /** An import refused as a whole: nothing was stored. */
    final class ImportRefused extends RuntimeException {

        private final List<RowError> errors;

        public ImportRefused(List<RowError> errors) {
            super(errors.size() + " row(s) refused; nothing was imported");
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    Inject add(Subject subject, UUID exerciseId, NewInject inject);

    /**
     * Adds every row or none: each row is checked (content, numbers unique in the file and the MSEL), and any
     * error refuses the whole import with the list of rows.
     */
    List<Inject> importAll(Subject subject, UUID exerciseId, List<@Nullable NewInject> rows,
            List<RowError> parseErrors);

    /**
     * The MSEL for EXCON and evaluators. Each inject's content is read through the access policy like any record:
     * filtered in SQL and asserted again here; an inject whose content the reader may not read is listed
     * {@link Inject#withheld() withheld}.
     */
    List<Inject> list(Subject subject, UUID exerciseId);

    Inject act(Subject subject, UUID exerciseId, int number, Action action, @Nullable Duration by);
}
