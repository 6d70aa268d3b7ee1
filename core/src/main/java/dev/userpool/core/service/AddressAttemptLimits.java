package dev.userpool.core.service;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.UserPoolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cognito's per-address allowances over a sliding hour, counted by the core for every address asked
 * about, whether it has an account or not. A directory counts the attempts on its own accounts; an
 * address without an account (or an account the directory does not count, such as a confirmed one
 * asked for a new sign-up code) would otherwise never be refused, and the sixth request would tell the
 * two apart. Counting every address alike keeps the answers alike. Refused requests are not counted,
 * so waiting always ends a refusal.
 *
 * <p>In memory, and bounded: past {@link #MAX_ADDRESSES} the addresses idle longest are forgotten. A
 * restart forgets them too; the directories' own counts of real accounts persist.
 */
final class AddressAttemptLimits {
    static final Duration WINDOW = Duration.ofHours(1);
    static final int MAX_ADDRESSES = 50_000;
    static final String LIMIT_EXCEEDED = "Attempt limit exceeded, please try after some time.";

    enum Action {
        CONFIRM_SIGN_UP(15),
        RESEND_CONFIRMATION_CODE(5),
        FORGOT_PASSWORD(5),
        VERIFICATION_LINK(5),
        // codes for a change of address, counted per new address, whichever accounts ask: no address
        // can be sent more of them than of sign-up codes
        EMAIL_CHANGE_CODE(5),
        // issue 14: sign-in codes (EMAIL_OTP) emailed per address, or per name given when it is no address
        EMAIL_SIGN_IN_CODE(5);

        final int perHour;

        Action(int perHour) {
            this.perHour = perHour;
        }
    }

    private record Key(Action action, String address) {}

    private final Clock clock;
    /** In access order, so the eldest entry is the address idle longest. */
    private final Map<Key, Deque<Instant>> attempts = new LinkedHashMap<>(256, 0.75f, true);

    AddressAttemptLimits(Clock clock) {
        this.clock = clock;
    }

    /** Counts one attempt of {@code action} for {@code address}, or throws {@code LimitExceeded}. */
    void take(Action action, EmailAddress address) {
        take(action, address.value());
    }

    /** Counts one attempt of {@code action} for a name (an address, or an account id), or throws {@code LimitExceeded}. */
    synchronized void take(Action action, String name) {
        Instant now = clock.instant();
        Deque<Instant> times = attempts.computeIfAbsent(new Key(action, name), k -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) times.removeFirst();
        if (times.size() >= action.perHour) throw new UserPoolException(ErrorCode.LIMIT_EXCEEDED, LIMIT_EXCEEDED);
        times.addLast(now);
        if (attempts.size() > MAX_ADDRESSES) {
            var eldest = attempts.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }
}
