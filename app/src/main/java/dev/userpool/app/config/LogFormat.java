package dev.userpool.app.config;

/**
 * How each log event is written ({@code USERPOOL_LOG_FORMAT}): {@code text}, the default, one line a
 * person reads; or {@code json}, one JSON object per line for a log collector.
 */
public enum LogFormat {
    TEXT, JSON;

    public static final String VARIABLE = "USERPOOL_LOG_FORMAT";

    /** The format asked for; a value it does not understand stops start-up with a message naming it. */
    public static LogFormat from(Environment env) {
        return env.choice(VARIABLE, LogFormat.class, TEXT);
    }
}
