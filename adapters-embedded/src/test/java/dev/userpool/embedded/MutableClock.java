package dev.userpool.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand, so expiry and limits are tested without waiting. */
final class MutableClock extends Clock {
    private volatile Instant now;

    private MutableClock(Instant start) {
        this.now = start;
    }

    static MutableClock at(Instant start) {
        return new MutableClock(start);
    }

    static MutableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the adapters work in UTC");
    }
}
