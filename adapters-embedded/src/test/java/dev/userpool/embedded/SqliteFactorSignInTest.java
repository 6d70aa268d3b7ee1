package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userpool.core.domain.AuthFactor;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.SignInPolicy;
import dev.userpool.core.domain.SignedIn;
import dev.userpool.core.domain.User;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions for an emailed code, under the password's lockout; and the stored sign-in policy. */
class SqliteFactorSignInTest {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqliteFactorSignIn factors;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        factors = new SqliteFactorSignIn(bed.db, bed.authenticator, bed.clock);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void aProvenFactorOpensASessionWhoseTokensVerify() {
        User user = bed.confirmedUser(EmbeddedTestbed.newAddress());
        SignedIn signedIn = factors.signIn(user.id());
        assertThat(bed.verifier.verify(signedIn.tokens().accessToken()).userId()).isEqualTo(user.id());
        assertThat(bed.authenticator.refresh(signedIn.tokens().refreshToken().orElseThrow()).principal().id()).isEqualTo(user.id());
    }

    @Test
    void wrongCodesLockThePasswordTooAndAWrongPasswordLocksTheCodes() {
        EmailAddress address = EmbeddedTestbed.newAddress();
        User user = bed.confirmedUser(address);
        for (int i = 0; i < SignInLockout.FREE_FAILURES; i++) factors.countFailure(user.id());

        assertThat(factors.locked(user.id())).isTrue();
        assertThat(assertRefused(() -> bed.authenticator.signIn(address, EmbeddedTestbed.PASSWORD), ErrorCode.NOT_AUTHORIZED))
                .hasMessage(SignInLockout.LOCKED);

        bed.clock.advance(SignInLockout.MAX_LOCK.plusSeconds(1));
        assertThat(factors.locked(user.id())).isFalse();
        factors.signIn(user.id());   // a sign-in starts the count over
        for (int i = 0; i < SignInLockout.FREE_FAILURES; i++) {
            assertRefused(() -> bed.authenticator.signIn(address, Password.of("Wrong-Horse-9")), ErrorCode.NOT_AUTHORIZED);
        }
        assertThat(factors.locked(user.id())).isTrue();
    }

    @Test
    void theSignInPolicyIsKeptAcrossRestarts() {
        SqliteSignInPolicyStore store = new SqliteSignInPolicyStore(bed.db);
        assertThat(store.stored()).isEmpty();
        store.store(new SignInPolicy(EnumSet.of(AuthFactor.PASSWORD, AuthFactor.EMAIL_OTP)));
        bed.close();
        bed = EmbeddedTestbed.open(dir);
        assertThat(new SqliteSignInPolicyStore(bed.db).stored().orElseThrow().allowedFirstFactors())
                .containsExactlyInAnyOrder(AuthFactor.PASSWORD, AuthFactor.EMAIL_OTP);
    }
}
