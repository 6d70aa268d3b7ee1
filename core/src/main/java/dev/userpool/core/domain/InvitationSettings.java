package dev.userpool.core.domain;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How invitations work: how long a temporary password signs in (Cognito's
 * {@code TemporaryPasswordValidityDays}, 7 by default, at most 365) and the sign-in page the invitation
 * points to.
 */
public record InvitationSettings(Duration temporaryPasswordValidity, URI signInPage) {
    public static final int DEFAULT_DAYS = 7;

    public InvitationSettings {
        Objects.requireNonNull(temporaryPasswordValidity, "temporaryPasswordValidity");
        Objects.requireNonNull(signInPage, "signInPage");
        if (temporaryPasswordValidity.isNegative() || temporaryPasswordValidity.isZero()
                || temporaryPasswordValidity.compareTo(Duration.ofDays(365)) > 0) {
            throw UserPoolException.invalidParameter("TemporaryPasswordValidityDays", "must be between 1 and 365 days");
        }
    }

    public static InvitationSettings days(int days, URI signInPage) {
        return new InvitationSettings(Duration.ofDays(days), signInPage);
    }
}
