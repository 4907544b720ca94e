package org.kalkan.shared;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: reading records (quoted fields may hold commas, quotes and line breaks) and quoting fields. */
public final class Csv {

    private Csv() {
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

    /** One line of fields, each quoted when it holds a comma, a quote or a line break. */
    public static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
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
