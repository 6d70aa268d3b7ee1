package dev.userpool.app.wiring;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Qualifier;

/**
 * The configured audit trail without the log line each use case writes through it: {@code audit import}
 * records events that happened long ago, elsewhere, and must not log them as if they happened now.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface TrailOnly {}
