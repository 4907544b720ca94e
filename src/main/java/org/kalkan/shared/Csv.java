package org.kalkan.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV: reading records (quoted fields may hold commas, quotes and line breaks) and quoting fields, safe for
 * spreadsheets. A cell that a spreadsheet would run as a formula — it starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, and is not a plain number — is written with a leading apostrophe
 * ({@link #line}), and refused by imports ({@link #refuseFormulas}): an import names each such cell and stores nothing,
 * so a value that reaches Kalkan through a file is never one that would run in the next reader's spreadsheet.
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private Csv() {
    }

    /** Whether a spreadsheet would take the cell for a formula (a plain number such as {@code -41.5} is not one). */
    public static boolean isFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return trigger && !NUMBER.matcher(cell).matches();
    }

    /** The cell as exports write it: a formula-like cell is prefixed with an apostrophe, so it stays text. */
    public static String neutralise(String cell) {
        return isFormula(cell) ? "'" + cell : cell;
    }

    /**
     * Refuses a record of an import that holds a formula-like cell, naming its column; {@code skip} names columns
     * holding structured values checked otherwise (e.g. JSON). Throws {@link IllegalArgumentException}.
     */
    public static void refuseFormulas(List<String> fields, List<String> header, Set<String> skip) {
        for (int column = 0; column < fields.size(); column++) {
            String name = column < header.size() ? header.get(column) : "column " + (column + 1);
            if (!skip.contains(name) && isFormula(fields.get(column))) {
                throw new IllegalArgumentException(name + " starts with '" + printable(fields.get(column).charAt(0))
                        + "' as a spreadsheet formula does; remove it, or start the text with an apostrophe");
            }
        }
    }

    private static String printable(char c) {
        return c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.valueOf(c);
    }

    /** The records of the text; blank lines are skipped. */
    public static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    records.add(fields);
                }
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /**
     * One line of fields, each {@link #neutralise neutralised} against formula injection, then quoted when it holds a
     * comma, a quote or a line break.
     */
    public static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (String raw : fields) {
            String field = neutralise(raw);
            if (line.length() > 0) {
                line.append(',');
            }
            boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n")
                    || field.contains("\r");
            line.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
        }
        return line.append("\r\n").toString();
    }
}
