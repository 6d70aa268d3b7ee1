package dev.userpool.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes an export to a file whole or not at all: into a temporary file beside it, moved into place
 * once complete, so an interrupted export never leaves a file that looks finished. Readable by its
 * owner only where the file system says so: it holds personal data (addresses, the audit trail).
 */
final class ExportFile {
    private ExportFile() {}

    /** To {@code target} as {@link #write(Path, Function)} does, or without one to {@code stdout}, flushed. */
    static <T> T writeTo(Optional<Path> target, PrintWriter stdout, Function<Writer, T> content) {
        if (target.isPresent()) return write(target.get(), content);
        T result = content.apply(stdout);
        stdout.flush();
        return result;
    }

    static <T> T write(Path target, Function<Writer, T> content) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Path partial = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
            try {
                if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
                }
                T result;
                try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    result = content.apply(out);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return result;
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
