package dev.userpool.app.backup;

/** A backup or restore that cannot be done, with a message for the operator (paths, never file contents). */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
