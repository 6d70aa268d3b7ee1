package dev.userpool.app.migration;

/** A file to import that is not what it must be, with the line where it went wrong. */
public final class MigrationFileException extends RuntimeException {
    private final int line;

    public MigrationFileException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
