package dev.userpool.app.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4180 CSV, as Cognito's user import jobs read it: comma-separated, a field quoted with
 * {@code "} when it holds a comma, quote or line break, a quote inside doubled. Hand-written rather
 * than a library because a failure must name the line it is on, counting the lines a quoted field spans.
 */
final class Csv {
    private Csv() {}

    /** One record and the line it starts on (1 is the first line of the file). */
    record Record(int line, List<String> fields) {}

    static void write(Writer out, List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) out.write(',');
                out.write(quoted(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String field) {
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Reads records one at a time, counting lines. */
    static final class Reader {
        private final BufferedReader in;
        private int line;   // lines read so far

        Reader(BufferedReader in) {
            this.in = in;
        }

        /** The next record, or empty at the end; a blank line is no record. */
        Optional<Record> next() {
            try {
                String text = in.readLine();
                while (text != null && text.isEmpty()) {
                    line++;
                    text = in.readLine();
                }
                if (text == null) return Optional.empty();
                line++;
                int start = line;
                if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);   // a spreadsheet's byte-order mark
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                boolean wasQuoted = false;
                int i = 0;
                while (true) {
                    if (i == text.length()) {
                        if (!quoted) break;
                        String more = in.readLine();
                        if (more == null) throw new MigrationFileException(start, "a quoted field is never closed");
                        line++;
                        field.append('\n');
                        text = more;
                        i = 0;
                        continue;
                    }
                    char c = text.charAt(i++);
                    if (quoted) {
                        if (c != '"') {
                            field.append(c);
                        } else if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                        wasQuoted = false;
                    } else if (c == '"') {
                        if (field.length() > 0 || wasQuoted) {
                            throw new MigrationFileException(line, "a quote inside an unquoted field (column " + (fields.size() + 1)
                                    + "); quote the whole field and double the quote");
                        }
                        quoted = true;
                        wasQuoted = true;
                    } else {
                        if (wasQuoted) {
                            throw new MigrationFileException(line, "text after a quoted field's closing quote (column "
                                    + (fields.size() + 1) + ")");
                        }
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                return Optional.of(new Record(start, fields));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
