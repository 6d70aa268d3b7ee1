package dev.userpool.embedded;

import dev.userpool.core.contract.SignInChallengesContract;
import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.port.out.SignInChallenges;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in challenge contract on {@link SrpSignInChallenges}, answered by a real SRP client. */
class SrpSignInChallengesContractTest extends SignInChallengesContract {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SrpSignInChallenges challenges;

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        challenges = new SrpSignInChallenges(bed.srp, bed.authenticator);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    @Override
    protected SignInChallenges challenges() {
        return challenges;
    }

    @Override
    protected Principal confirmedAccount(String email) {
        return Principal.of(bed.confirmedUser(new EmailAddress(email)));
    }

    @Override
    protected Client client() {
        SrpTestClient client = new SrpTestClient("local_" + bed.srp.poolNameForTests());
        return new Client() {
            @Override
            public String srpA() {
                return client.srpA();
            }

            @Override
            public ChallengeAnswer answer(PasswordVerifierChallenge c, String password) {
                return client.answer(new SrpServer.Challenge(c.srpB(), c.salt(), c.secretBlock(), c.userIdForSrp(), c.username()),
                        password, bed.clock.instant());
            }
        };
    }
}
