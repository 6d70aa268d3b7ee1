package dev.userpool.embedded;

import dev.userpool.core.domain.ChallengeAnswer;
import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.ErrorCode;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.PasswordVerifierChallenge;
import dev.userpool.core.domain.Principal;
import dev.userpool.core.domain.UserId;
import dev.userpool.core.domain.UserPoolException;
import dev.userpool.embedded.SrpChallengeStore.Pending;
import dev.userpool.embedded.UserRows.Account;
import dev.userpool.srp.CognitoTimestamp;
import dev.userpool.srp.Sha256;
import dev.userpool.srp.SrpServerSession;
import dev.userpool.srp.SrpVerifier;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of Cognito's SRP sign-in ({@code USER_SRP_AUTH}, DESIGN §6) for the embedded pool.
 *
 * <ul>
 *   <li>Verifiers: whenever a password is set, {@link #verifierFor} derives the salt and verifier the
 *       directory and authenticator store beside the Argon2id hash; {@code USER_ID_FOR_SRP} is the
 *       account's {@code sub}.</li>
 *   <li>First step, through the core's {@code startSignIn} ({@link SrpSignInChallenges#pose}): {@link #begin} answers InitiateAuth's {@code SRP_A} with the
 *       {@code PASSWORD_VERIFIER} challenge. An unknown name — or an account that has no verifier yet —
 *       gets a simulated challenge that looks like a real one (a stable fake salt, a {@code sub}-like id)
 *       and can never be answered, so the answer tells nobody which addresses have accounts.</li>
 *   <li>Second step, through the core's sign-in use case ({@link SrpSignInChallenges#answer}): {@link #take} checks the answer the
 *       {@link SqliteAuthenticator} is handed — the session (single use, 3 minutes), {@code USERNAME},
 *       {@code PASSWORD_CLAIM_SECRET_BLOCK}, {@code TIMESTAMP} (Cognito's exact text, within 5 minutes of
 *       the clock) and the signature.</li>
 * </ul>
 */
public final class SrpServer {
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    static final int SECRET_BLOCK_BYTES = 96;
    private static final Logger LOG = LoggerFactory.getLogger(SrpServer.class);
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,2048}");
    private static final Pattern SUB_SHAPED = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /**
     * The challenge of InitiateAuth({@code USER_SRP_AUTH}): Cognito's {@code ChallengeParameters}. Like
     * Cognito's, it has no separate session: the random {@code SECRET_BLOCK} that the client signs and
     * hands back as {@code PASSWORD_CLAIM_SECRET_BLOCK} names the pending challenge.
     */
    public record Challenge(String srpB, String salt, String secretBlock, String userIdForSrp, String username) {
        @Override
        public String toString() {
            return "Challenge[userIdForSrp=" + userIdForSrp + ", secretBlock=***]";
        }
    }

    /**
     * What the answer to a challenge showed: whose it was and whether it was a real challenge; the proof
     * is tested only when asked ({@link #proven}), so that the lockout decides first whether it may be.
     */
    record Claim(Optional<Principal> account, boolean realVerifier, java.util.function.BooleanSupplier proof) {
        boolean proven() {
            return realVerifier && proof.getAsBoolean();
        }
    }

    private final EmbeddedDatabase db;
    private final SrpSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SrpChallengeStore challenges = new SrpChallengeStore();
    private volatile byte[] decoyKey;
    /** g^x for a random x nobody knows: what a simulated challenge is computed with. */
    private final BigInteger decoyVerifier;

    private SrpServer(EmbeddedDatabase db, SrpSettings settings, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.decoyVerifier = SrpVerifier.create(settings.poolName(), "decoy", UUID.randomUUID().toString(), random).verifier();
    }

    /** SRP as {@code settings} say; turned off, the verifiers stored so far are forgotten. */
    public static SrpServer open(EmbeddedDatabase db, SrpSettings settings, Clock clock) {
        SrpServer server = new SrpServer(db, settings, clock);
        if (!settings.enabled()) {
            int forgotten = db.transaction(SrpVerifierRows::forgetAll);
            if (forgotten > 0) LOG.info("SRP is off: forgot the SRP verifiers of {} accounts", forgotten);
        }
        return server;
    }

    /** No SRP, and nothing forgotten (for callers that predate it). */
    static SrpServer disabled(EmbeddedDatabase db, Clock clock) {
        return new SrpServer(db, SrpSettings.off("local_Disabled"), clock);
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The verifier to store for {@code password}, or none when SRP is off. */
    Optional<SrpVerifier> verifierFor(UserId user, Password password) {
        if (!settings.enabled()) return Optional.empty();
        return Optional.of(SrpVerifier.create(settings.poolName(), user.value(), password.reveal(), random));
    }

    /**
     * Whether a password sign-in of {@code user} should make its verifier: SRP is on and the account has
     * none (made before SRP, or for another pool name). Read in the caller's unit of work, so that a
     * sign-in reads the account and its verifier together.
     */
    boolean lacksVerifier(java.sql.Connection c, UserId user) throws java.sql.SQLException {
        return settings.enabled() && SrpVerifierRows.find(c, user, settings.poolName()).isEmpty();
    }

    /**
     * InitiateAuth({@code USER_SRP_AUTH}): the {@code PASSWORD_VERIFIER} challenge for {@code username}
     * (an address or a {@code sub}) and the client's {@code SRP_A}.
     *
     * @param caller           the remote address asking: each address has its share of the pending challenges
     * @throws UserPoolException {@code InvalidParameter} when SRP is off or {@code SRP_A} is not a valid
     *                           public value; {@code TooManyRequests} when too many challenges wait, or too
     *                           many of this caller's
     */
    public Challenge begin(String username, String srpA, String caller) {
        if (!settings.enabled()) {
            throw UserPoolException.invalidParameter("AuthFlow",
                    "USER_SRP_AUTH flow not enabled for this client (this pool runs with USERPOOL_SRP=off; use USER_PASSWORD_AUTH)");
        }
        if (username == null || username.isBlank()) throw UserPoolException.invalidParameter("USERNAME", "is required");
        if (srpA == null || !HEX.matcher(srpA).matches()) throw UserPoolException.invalidParameter("SRP_A", "must be hexadecimal");
        Objects.requireNonNull(caller, "caller");
        // A caller past its share is refused before the modular exponentiation, so a flood costs little.
        if (!challenges.admits(caller, clock.instant())) throw new UserPoolException(ErrorCode.TOO_MANY_REQUESTS, SrpChallengeStore.BUSY);
        BigInteger bigA = new BigInteger(srpA, 16);
        String name = username.strip();
        Optional<Account> account = accountNamed(name);
        Optional<UserId> id = account.map(a -> a.user().id());
        Optional<SrpVerifier> stored = id.flatMap(u -> db.read(c -> SrpVerifierRows.find(c, u, settings.poolName())));
        // An unknown sub-shaped name is its own USER_ID_FOR_SRP: asking again with the id a first challenge
        // gave must answer that same id and salt, as it does for a real account.
        String userIdForSrp = id.map(UserId::value).orElseGet(() -> SUB_SHAPED.matcher(name).matches() ? name : decoyId(name));
        // A simulated challenge takes a verifier made once for this process, not one per call: deriving one
        // costs a modular exponentiation a real account's stored verifier does not, and would tell them apart.
        SrpVerifier verifier = stored.orElseGet(() -> new SrpVerifier(settings.poolName(), userIdForSrp,
                decoySalt(userIdForSrp), decoyVerifier));
        SrpServerSession srp;
        try {
            srp = SrpServerSession.begin(verifier, bigA, random);
        } catch (IllegalArgumentException e) {
            throw UserPoolException.invalidParameter("SRP_A", "is not a valid SRP public value");
        }
        byte[] block = new byte[SECRET_BLOCK_BYTES];
        random.nextBytes(block);
        String secretBlock = Base64.getEncoder().encodeToString(block);
        Instant now = clock.instant();
        challenges.put(secretBlock, new Pending(name, account.map(a -> Principal.of(a.user())), stored.isPresent(), userIdForSrp, srp, secretBlock,
                now.plus(SrpChallengeStore.LIFETIME), caller), now);
        if (id.isPresent() && stored.isEmpty()) {
            LOG.info("Account {} has no SRP verifier yet: it gets one at its next password sign-in"
                    + " (USER_PASSWORD_AUTH or the REST API); until then USER_SRP_AUTH fails for it", id.get());
        }
        return new Challenge(srp.srpB(), verifier.saltHex(), secretBlock, userIdForSrp, userIdForSrp);
    }

    /**
     * The name the pending challenge with this {@code SECRET_BLOCK} was begun with (what the user typed),
     * for the audit trail; empty when there is none.
     */
    public Optional<String> challengedName(String secretBlock) {
        if (secretBlock == null) return Optional.empty();
        return challenges.peek(secretBlock).filter(p -> clock.instant().isBefore(p.expiresAt())).map(Pending::challengedName);
    }

    /**
     * Checks the answer to a challenge, which is used up whatever the outcome. The answer's session is
     * the challenge's {@code SECRET_BLOCK}. Refusals that test no
     * password (an unknown, used or expired session, another {@code USERNAME} or secret block, a
     * malformed or stale {@code TIMESTAMP}) are thrown here; the signature's verdict is returned, so the
     * caller can count a wrong password toward the lockout.
     */
    Claim take(ChallengeAnswer answer, Instant now) {
        if (!PasswordVerifierChallenge.NAME.equals(answer.challengeName())) throw UserPoolException.notAuthorized("Invalid session for the user.");
        Pending pending = challenges.take(answer.session())
                .orElseThrow(() -> UserPoolException.notAuthorized("Invalid session for the user."));
        if (!now.isBefore(pending.expiresAt())) throw UserPoolException.notAuthorized("Invalid session for the user, session is expired.");
        String username = answer.required("USERNAME").strip();
        String secretBlock = answer.required("PASSWORD_CLAIM_SECRET_BLOCK");
        String timestamp = answer.required("TIMESTAMP");
        String signature = answer.required("PASSWORD_CLAIM_SIGNATURE");
        if (!username.equals(pending.userIdForSrp()) && !username.equalsIgnoreCase(pending.challengedName())) {
            throw refused("USERNAME is not the challenge's");
        }
        if (!MessageDigest.isEqual(secretBlock.getBytes(StandardCharsets.US_ASCII), pending.secretBlock().getBytes(StandardCharsets.US_ASCII))) {
            throw refused("PASSWORD_CLAIM_SECRET_BLOCK is not the challenge's");
        }
        Instant signedAt = CognitoTimestamp.parse(timestamp).orElseThrow(() -> refused("TIMESTAMP is not in Cognito's format"));
        if (Duration.between(signedAt, now).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
            throw refused("TIMESTAMP is more than 5 minutes from the server's clock");
        }
        return new Claim(pending.account(), pending.realVerifier(), () -> pending.srp().verifySignature(
                Base64.getDecoder().decode(pending.secretBlock()), timestamp, signature));
    }

    String poolNameForTests() {
        return settings.poolName();
    }

    private Optional<Account> accountNamed(String name) {
        try {
            if (name.contains("@")) return db.read(c -> UserRows.byEmail(c, EmailAddress.parse(name)));
            return db.read(c -> UserRows.byId(c, new UserId(name)));
        } catch (UserPoolException e) {
            if (e.code() == ErrorCode.INVALID_PARAMETER) return Optional.empty();
            throw e;
        }
    }

    /** A {@code sub}-shaped id for a name without an account: the same one every time, unrelated to any real id. */
    private String decoyId(String name) {
        byte[] h = decoy("id:" + name.toLowerCase(Locale.ROOT));
        ByteBuffer bytes = ByteBuffer.wrap(Arrays.copyOf(h, 16));
        long high = (bytes.getLong() & ~0xF000L) | 0x4000L;              // version 4
        long low = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** The salt of a simulated challenge: stable per name, so asking twice reveals nothing. */
    private String decoySalt(String userIdForSrp) {
        return HexFormat.of().formatHex(Arrays.copyOf(decoy("salt:" + userIdForSrp), SrpVerifier.SALT_BYTES));
    }

    private byte[] decoy(String what) {
        byte[] key = decoyKey;
        if (key == null) {
            key = db.read(SrpVerifierRows::decoyKey);
            decoyKey = key;
        }
        return Sha256.hmac(key, what.getBytes(StandardCharsets.UTF_8));
    }

    private static UserPoolException refused(String reason) {
        LOG.debug("SRP answer refused: {}", reason);
        return UserPoolException.incorrectCredentials();
    }
}
