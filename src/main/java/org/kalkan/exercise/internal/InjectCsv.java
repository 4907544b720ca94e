package org.kalkan.exercise.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kalkan.exercise.Inject;
import org.kalkan.exercise.Msel;
import org.kalkan.exercise.NewInject;
import org.kalkan.shared.Csv;

/**
 * The MSEL as CSV (RFC 4180). Header:
 * {@code number,at,start,after,kind,from,to,expectedAction,objective,contingency,deadline,content}; {@code to} lists
 * nations and users separated by {@code ;}, {@code content} is the JSON of the record (quoted), {@code start} is
 * {@code AT_TIME} (default), {@code AFTER_DELAY} (with {@code after}) or {@code MANUAL}. A cell that starts like a
 * spreadsheet formula refuses its row ({@link Csv#refuseFormulas}); exports neutralise such cells.
 */
public final class InjectCsv {

    public static final List<String> HEADER = List.of("number", "at", "start", "after", "kind", "from", "to",
            "expectedAction", "objective", "contingency", "deadline", "content");
    static final int MAX_ROWS = 2000;

    private InjectCsv() {
    }

    public record Parsed(List<@Nullable NewInject> rows, List<Msel.RowError> errors) {
    }

    public static Parsed parse(String text) {
        List<List<String>> records = Csv.records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty() || !records.get(0).stream().map(String::strip).toList().equals(HEADER)) {
            throw new IllegalArgumentException("the first line must be the header: " + String.join(",", HEADER));
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new IllegalArgumentException("at most " + MAX_ROWS + " injects per import");
        }
        List<@Nullable NewInject> rows = new ArrayList<>();
        List<Msel.RowError> errors = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            try {
                if (f.size() != HEADER.size()) {
                    throw new IllegalArgumentException("expected " + HEADER.size() + " fields, found " + f.size());
                }
                Csv.refuseFormulas(f, HEADER, Set.of("content"));
                rows.add(new InjectRequest(integer(f.get(0), "number"), f.get(1).strip(), blank(f.get(2)),
                        f.get(3).isBlank() ? null : integer(f.get(3), "after"), f.get(4).strip(), f.get(5),
                        list(f.get(6)), f.get(7).strip(), blank(f.get(8)),
                        f.get(9).isBlank() ? null : integer(f.get(9), "contingency"), blank(f.get(10)),
                        InjectContent.parse(f.get(11))).toNewInject());
            } catch (IllegalArgumentException e) {
                rows.add(null);
                String message = e.getMessage();
                errors.add(new Msel.RowError(i, message == null ? "the row is not valid" : message));
            }
        }
        return new Parsed(rows, errors);
    }

    /**
     * The MSEL as CSV, every cell neutralised against formula injection ({@link Csv#line}). Injects whose content the
     * reader may not read ({@link Inject#contentWithheld()}) are left out: the file is for re-import, and a withheld
     * inject has nothing to import.
     */
    public static String write(List<Inject> injects) {
        StringBuilder out = new StringBuilder(Csv.line(HEADER));
        for (Inject i : injects.stream().filter(i -> !i.contentWithheld()).toList()) {
            out.append(Csv.line(List.of(Integer.toString(i.number()), i.at().toString(), i.startCondition().name(),
                    i.afterNumber() == null ? "" : i.afterNumber().toString(), i.kind().name(), i.from(),
                    String.join(";", i.to()), i.expectedAction().name(),
                    i.objective() == null ? "" : i.objective(),
                    i.contingencyNumber() == null ? "" : i.contingencyNumber().toString(),
                    i.deadline() == null ? "" : i.deadline().toString(), i.content())));
        }
        return out.toString();
    }

    private static @Nullable String blank(String field) {
        return field.isBlank() ? null : field.strip();
    }

    private static List<String> list(String field) {
        return field.isBlank() ? List.of() : Arrays.stream(field.split(";")).map(String::strip).toList();
    }

    private static int integer(String field, String name) {
        try {
            return Integer.parseInt(field.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a whole number: " + field);
        }
    }
}
