package dev.userpool.app.config;

/** Start-up stops with this when a setting is missing or not understood; the message names the variable. */
public final class InvalidSettingsException extends RuntimeException {
    public InvalidSettingsException(String message) {
        super(message);
    }
}
