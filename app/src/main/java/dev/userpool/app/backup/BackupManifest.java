package dev.userpool.app.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The first thing a restore reads from a backup archive ({@value #ENTRY}): the format, when the backup
 * was taken, from which directory, and every file with its size and SHA-256, so that a restore takes
 * only an archive that is complete and unchanged.
 */
record BackupManifest(int format, Instant taken, String source, Map<String, FileEntry> files) {
    static final String ENTRY = "userpool-backup.properties";
    static final int FORMAT = 1;

    record FileEntry(long size, String sha256) {}

    BackupManifest {
        files = Map.copyOf(files);
    }

    byte[] toBytes() {
        StringBuilder text = new StringBuilder("# userpool backup: the data directory's files, restored with `userpool restore --from FILE`\n");
        text.append("format=").append(format).append('\n');
        text.append("taken=").append(taken).append('\n');
        text.append("source=").append(escape(source)).append('\n');
        text.append("files=").append(files.size()).append('\n');
        new TreeMap<>(files).forEach((name, f) -> text.append("file.").append(escape(name)).append('=')
                .append(f.size()).append(' ').append(f.sha256()).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static BackupManifest read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            bytes.write(buffer, 0, n);
            if (bytes.size() > 16 << 20) throw new BackupException("Its manifest (" + ENTRY + ") is implausibly large.");
        }
        Properties p = new Properties();
        p.load(new StringReader(bytes.toString(StandardCharsets.UTF_8)));
        try {
            int format = Integer.parseInt(p.getProperty("format", ""));
            if (format != FORMAT) {
                throw new BackupException("It is in backup format " + format + "; this userpool reads format " + FORMAT + ".");
            }
            Instant taken = Instant.parse(p.getProperty("taken", ""));
            Map<String, FileEntry> files = new LinkedHashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith("file.")) continue;
                String[] parts = p.getProperty(key).strip().split(" ");
                if (parts.length != 2 || !parts[1].matches("[0-9a-f]{64}")) throw new NumberFormatException(key);
                files.put(key.substring("file.".length()), new FileEntry(Long.parseLong(parts[0]), parts[1]));
            }
            if (files.size() != Integer.parseInt(p.getProperty("files", ""))) throw new NumberFormatException("files");
            return new BackupManifest(format, taken, p.getProperty("source", "?"), files);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new BackupException("Its manifest (" + ENTRY + ") is not understood.");
        }
    }

    /** Properties syntax for a key or value: backslashes, separators and line breaks escaped. */
    private static String escape(String raw) {
        StringBuilder out = new StringBuilder();
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '\\', '=', ':', ' ', '#', '!' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
