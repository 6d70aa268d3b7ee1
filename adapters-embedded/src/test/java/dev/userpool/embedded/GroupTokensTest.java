package dev.userpool.embedded;

import static dev.userpool.core.contract.UserPoolAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.userpool.core.domain.AdminPolicy;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Group;
import dev.userpool.core.domain.GroupName;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.User;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cognito:groups} in the embedded tokens: the account's groups by precedence at sign-in and at
 * refresh (read in the reads those already make), gone from the next tokens once the account leaves a
 * group; and the pool's quota of groups.
 */
class GroupTokensTest {
    @TempDir
    Path dir;
    private EmbeddedTestbed bed;
    private SqliteGroupDirectory groups;
    private final EmailAddress email = new EmailAddress("member@example.com");

    @BeforeEach
    void open() {
        bed = EmbeddedTestbed.open(dir);
        groups = new SqliteGroupDirectory(bed.db);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private void group(String name, Optional<Integer> precedence, User member) {
        groups.create(Group.create(new GroupName(name), Optional.empty(), precedence, Optional.empty(), bed.clock.instant()));
        groups.addMember(new GroupName(name), member.id());
    }

    private static List<String> groupsOf(String token) throws ParseException {
        Object claim = SignedJWT.parse(token).getJWTClaimsSet().getClaim("cognito:groups");
        return claim == null ? List.of() : SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("cognito:groups");
    }

    @Test
    void bothTokensListTheGroupsByPrecedenceAtSignInAndAtRefresh() throws ParseException {
        User user = bed.confirmedUser(email);
        group("zeta", Optional.empty(), user);
        group("riders", Optional.of(5), user);
        group("alpha", Optional.empty(), user);
        group("editors", Optional.of(0), user);
        group("beta", Optional.of(5), user);
        List<String> expected = List.of("editors", "beta", "riders", "alpha", "zeta");

        Tokens signedIn = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        assertThat(groupsOf(signedIn.idToken())).containsExactlyElementsOf(expected);
        assertThat(groupsOf(signedIn.accessToken())).containsExactlyElementsOf(expected);
        assertThat(bed.verifier.verify(signedIn.accessToken()).groups()).containsExactlyInAnyOrderElementsOf(expected);

        Tokens refreshed = bed.authenticator.refresh(signedIn.refreshToken().orElseThrow()).tokens();
        assertThat(groupsOf(refreshed.idToken())).containsExactlyElementsOf(expected);
        assertThat(groupsOf(refreshed.accessToken())).containsExactlyElementsOf(expected);
    }

    @Test
    void aGroupLeftOrDeletedIsGoneFromTheNextTokens() throws ParseException {
        User user = bed.confirmedUser(email);
        group("riders", Optional.of(1), user);
        group("editors", Optional.of(2), user);
        Tokens signedIn = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();

        groups.removeMember(new GroupName("riders"), user.id());
        assertThat(groupsOf(bed.authenticator.refresh(signedIn.refreshToken().orElseThrow()).tokens().idToken()))
                .containsExactly("editors");

        groups.delete(new GroupName("editors"));
        Tokens next = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        assertThat(SignedJWT.parse(next.accessToken()).getJWTClaimsSet().getClaim("cognito:groups")).isNull();
        assertThat(SignedJWT.parse(next.idToken()).getJWTClaimsSet().getClaim("cognito:groups")).isNull();
    }

    @Test
    void aConfiguredAdministratorInOtherGroupsGetsTheAdminGroupOnceAmongThem() throws ParseException {
        bed.close();
        EmbeddedSettings settings = new EmbeddedSettings(URI.create("https://pool.example.com/"), "my-client",
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(1),
                new AdminPolicy(Set.of(email), new GroupName("operators")), false);
        bed = EmbeddedTestbed.open(dir, settings);
        groups = new SqliteGroupDirectory(bed.db);
        User user = bed.confirmedUser(email);
        group("riders", Optional.of(3), user);

        JWTClaimsSet access = SignedJWT.parse(bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens().accessToken())
                .getJWTClaimsSet();
        assertThat(access.getStringListClaim("cognito:groups")).containsExactly("riders", "operators");
    }

    @Test
    void aFullPoolTakesNoMoreGroups() {
        SqliteGroupDirectory small = new SqliteGroupDirectory(bed.db, 2);
        small.create(Group.create(new GroupName("one"), Optional.empty(), Optional.empty(), Optional.empty(), bed.clock.instant()));
        small.create(Group.create(new GroupName("two"), Optional.empty(), Optional.empty(), Optional.empty(), bed.clock.instant()));

        assertRefused(() -> small.create(Group.create(new GroupName("three"), Optional.empty(), Optional.empty(),
                Optional.empty(), bed.clock.instant())), ErrorCode.LIMIT_EXCEEDED);
        assertThat(small.find(new GroupName("three"))).isEmpty();
    }

    /** The same costs TokenPathCostTest holds an account without groups to: no round trip of their own. */
    @Test
    void aMembersSignInAndRefreshCostNoMoreRoundTrips() throws ParseException {
        User user = bed.confirmedUser(email);
        group("riders", Optional.of(1), user);
        group("editors", Optional.empty(), user);

        long before = bed.db.roundTrips();
        long writes = bed.db.transactions();
        Tokens tokens = bed.authenticator.signIn(email, EmbeddedTestbed.PASSWORD).tokens();
        assertThat(bed.db.roundTrips() - before).as("sign-in round trips").isEqualTo(3);
        assertThat(bed.db.transactions() - writes).as("sign-in transactions").isEqualTo(1);

        before = bed.db.roundTrips();
        Tokens refreshed = bed.authenticator.refresh(tokens.refreshToken().orElseThrow()).tokens();
        assertThat(bed.db.roundTrips() - before).as("refresh round trips").isEqualTo(1);
        assertThat(groupsOf(refreshed.accessToken())).containsExactly("riders", "editors");
    }
}
