package dev.userpool.cognito;

import static dev.userpool.core.testing.DirectoryTransitions.confirmByAdmin;
import static dev.userpool.core.testing.DirectoryTransitions.verifyEmail;

import dev.userpool.core.domain.EmailAddress;
import dev.userpool.core.domain.Password;
import dev.userpool.core.domain.Tokens;
import dev.userpool.core.domain.UserPoolException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The three Cognito adapters on one pool, for the contract ITs: a fresh pool on cognito-local (the
 * default), or with {@code -Plive-aws} the real pool named by {@code USERPOOL_COGNITO_*} (skipped when
 * those or AWS credentials are missing). cognito-local does not do {@code USER_SRP_AUTH}, so there the
 * authenticator signs in with {@code USER_PASSWORD_AUTH}; SRP is proven over the wire in
 * {@link CognitoAuthenticatorSrpWireTest} and against real pools here.
 */
final class CognitoTestbed implements AutoCloseable {
    enum Target { EMULATOR, LIVE }

    final CognitoPool pool;
    final AppClient appClient;
    final CognitoIdentityProviderClient client;
    final CognitoUserDirectory directory;
    final CognitoAuthenticator authenticator;
    final CognitoTokenVerifier verifier;
    private final Optional<CognitoLocal> emulator;
    private final String emailDomain;
    private final List<EmailAddress> created = new ArrayList<>();

    private CognitoTestbed(CognitoPool pool, AppClient appClient, SignInFlow flow, AwsCredentialsProvider credentials,
                           Optional<CognitoLocal> emulator, String emailDomain) {
        this.pool = pool;
        this.appClient = appClient;
        this.emulator = emulator;
        this.emailDomain = emailDomain;
        this.client = CognitoClients.build(pool, credentials, CognitoClients.Timeouts.defaults());
        this.directory = new CognitoUserDirectory(client, pool, appClient);
        this.authenticator = new CognitoAuthenticator(client, pool, appClient, flow, Clock.systemUTC());
        this.verifier = new CognitoTokenVerifier(pool, appClient, Clock.systemUTC());
    }

    static Target target() {
        return "live".equalsIgnoreCase(System.getProperty("userpool.cognito.target")) ? Target.LIVE : Target.EMULATOR;
    }

    static boolean onEmulator() {
        return target() == Target.EMULATOR;
    }

    static CognitoTestbed open(Path dataDir) {
        return onEmulator() ? onCognitoLocal(dataDir) : onRealPool(System.getenv());
    }

    private static CognitoTestbed onCognitoLocal(Path dataDir) {
        CognitoLocal local = CognitoLocal.start(dataDir);
        try {
            CognitoLocal.Pool made = local.createPool(true, false);
            CognitoPool pool = local.cognitoPool(made);
            return new CognitoTestbed(pool, AppClient.withoutSecret(made.clientId()), SignInFlow.USER_PASSWORD_AUTH,
                    CognitoClients.credentials(pool, false), Optional.of(local), "example.com");
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    private static CognitoTestbed onRealPool(Map<String, String> env) {
        String poolId = env.get("USERPOOL_COGNITO_USER_POOL_ID");
        String clientId = env.get("USERPOOL_COGNITO_CLIENT_ID");
        Assumptions.assumeTrue(poolId != null && clientId != null,
                "-Plive-aws needs USERPOOL_COGNITO_USER_POOL_ID and USERPOOL_COGNITO_CLIENT_ID (see the README, section Users in Amazon Cognito)");
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        try {
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            Assumptions.abort("-Plive-aws needs AWS credentials (the SDK's default chain): " + e.getMessage());
        }
        String region = Optional.ofNullable(env.get("AWS_REGION"))
                .orElse(poolId.contains("_") ? poolId.substring(0, poolId.indexOf('_')) : "us-east-1");
        CognitoPool pool = new CognitoPool(region, poolId,
                Optional.ofNullable(env.get("USERPOOL_COGNITO_ENDPOINT")).map(java.net.URI::create));
        AppClient appClient = new AppClient(clientId, Optional.ofNullable(env.get("USERPOOL_COGNITO_CLIENT_SECRET")));
        SignInFlow flow = SignInFlow.valueOf(env.getOrDefault("USERPOOL_COGNITO_AUTH_FLOW", "USER_SRP_AUTH").toUpperCase(Locale.ROOT));
        return new CognitoTestbed(pool, appClient, flow, credentials, Optional.empty(),
                env.getOrDefault("USERPOOL_LIVE_EMAIL_DOMAIN", "example.com"));
    }

    /** A fresh address on the test domain, remembered so that a real pool is cleaned up afterwards. */
    EmailAddress newAddress(String localPrefix) {
        EmailAddress email = new EmailAddress(localPrefix + UUID.randomUUID().toString().substring(0, 8) + "@" + emailDomain);
        synchronized (created) {
            created.add(email);
        }
        return email;
    }

    /** The code Cognito last emailed to {@code email}: on the emulator from its data file; a real pool's codes are in real mailboxes. */
    String lastCodeSentTo(EmailAddress email) {
        CognitoLocal local = emulator.orElse(null);
        Assumptions.assumeTrue(local != null, "a real pool emails its codes to real mailboxes, which this test cannot read");
        return local.currentCode(pool.userPoolId(), email)
                .orElseThrow(() -> new AssertionError("cognito-local holds no code for " + email));
    }

    /** A confirmed account with a verified address, made with admin calls (no code needed). */
    EmailAddress confirmedWithoutCode(EmailAddress email, Password password) {
        directory.signUp(email, password, false);
        confirmByAdmin(directory, email);
        if (emulator.isPresent()) {
            emulator.get().markVerifiedTheEmulatorsWay(pool.userPoolId(), email);
        } else {
            verifyEmail(directory, email);
        }
        return email;
    }

    /** Tokens of a new confirmed account with a verified address. */
    Tokens signedIn(EmailAddress email, Password password) {
        return authenticator.signIn(confirmedWithoutCode(email, password), password).tokens();
    }

    Optional<CognitoLocal> emulator() {
        return emulator;
    }

    @Override
    public void close() {
        if (emulator.isEmpty()) {
            List<EmailAddress> toDelete;
            synchronized (created) {
                toDelete = List.copyOf(created);
            }
            for (EmailAddress email : toDelete) {
                try {
                    directory.delete(email);
                } catch (UserPoolException gone) {
                    // never created, or deleted by the test
                }
            }
        }
        client.close();
        emulator.ifPresent(CognitoLocal::close);
    }
}
