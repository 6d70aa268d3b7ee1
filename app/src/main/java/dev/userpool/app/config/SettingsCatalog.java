package dev.userpool.app.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code USERPOOL_*} variable the app reads, with its default, the values it accepts and what it
 * means, in the words {@code docs/configuration.md} shows. The page's tables are rendered from this list
 * by a test, and another test fails when the app reads a variable that is not listed here (or one listed
 * is read nowhere), so the page cannot drift from the code. Text is Markdown; no cell holds a {@code |}.
 */
public final class SettingsCatalog {

    /** Where a variable is shown: one table per section, in this order. */
    public enum Section {
        SERVER("The server", "Where the app listens and keeps its data, and what it logs."),
        ADAPTERS("Adapters and sign-up", "Which adapter serves each port, and how sign-up and sign-in behave."),
        HASHING("Password hashing (embedded directory)",
                "The cost of new Argon2id hashes and the threads that compute them; see [*Password hashing*](#password-hashing)."),
        LOCAL_POOL("The embedded pool's Cognito API",
                "How the embedded pool presents itself to Cognito clients; see [`local-pool.md`](local-pool.md)."),
        COGNITO("Amazon Cognito (`USERPOOL_DIRECTORY=cognito`)",
                "Read only with `USERPOOL_DIRECTORY=cognito`; the pool's Region is `AWS_REGION` (by default the pool id's). See [`cognito.md`](cognito.md)."),
        SES("Amazon SES (`USERPOOL_EMAIL=ses`)",
                "Read only with `USERPOOL_EMAIL=ses`; the Region is `AWS_REGION` (the SDK's region chain). See [`ses.md`](ses.md)."),
        SMTP("SMTP (`USERPOOL_EMAIL=smtp`)", "Read only with `USERPOOL_EMAIL=smtp`. See [`smtp.md`](smtp.md)."),
        DYNAMODB("Amazon DynamoDB (`USERPOOL_AUDIT=dynamodb`)",
                "Read only with `USERPOOL_AUDIT=dynamodb`; the table's Region is `AWS_REGION` (the SDK's region chain). See [`dynamodb.md`](dynamodb.md).");

        private final String title;
        private final String intro;

        Section(String title, String intro) {
            this.title = title;
            this.intro = intro;
        }

        public String title() {
            return title;
        }

        public String intro() {
            return intro;
        }
    }

    /** One variable: its name, where it is shown, its default, what it accepts and what it does. */
    public record Setting(String name, Section section, String defaultText, String allowedText, String description) {}

    private static final String FLAG = "`true` or `false` (also `yes`/`no`, `on`/`off`, `1`/`0`)";
    private static final String URL = "an http(s) URL";

    private static final List<Setting> ALL = List.of(
            s("USERPOOL_PORT", Section.SERVER, "`8080`", "0 to 65535 (0: a free port chosen at start)", "HTTP port"),
            s("USERPOOL_BIND", Section.SERVER, "`0.0.0.0`", "an IP address or host name", "address to listen on"),
            s("USERPOOL_DATA_DIR", Section.SERVER, "`./data`", "a directory (created if missing)",
                    "where the SQLite database (`userpool.db`) lives; made owner-only at start (see [*Local-only doors*](#local-only-doors-headers-and-the-data-directory))"),
            s("USERPOOL_BASE_URL", Section.SERVER, "`http://localhost:<port>`", "an http(s) URL like `https://auth.example.com`",
                    "public URL: the base of verification links and of the token issuer (`{base URL}/{pool id}`, see [`local-pool.md`](local-pool.md)); its host is the passkeys' relying party id, and passkeys are on only when it is `https` or `http://localhost`"),
            s("USERPOOL_LOCAL_NETWORKS", Section.SERVER, "`127.0.0.0/8,::1`",
                    "comma-separated networks in CIDR notation (`10.1.2.0/24`, `fd00::/8`) or single addresses",
                    "what \"this machine\" means for the local-only doors (the mailbox, `/metrics`, the local pool's admin operations), judged by the connection's source address"),
            s("USERPOOL_LOG_LEVEL", Section.SERVER, "`INFO`", "`TRACE`, `DEBUG`, `INFO`, `WARN`, `ERROR`, `OFF` (anything else: `INFO`)",
                    "the least severe log events written (Jetty and Javalin only from `WARN`)"),
            s("USERPOOL_LOG_FORMAT", Section.SERVER, "`text`", "`text` or `json`",
                    "`text`: one line per event, `HH:mm:ss.SSS LEVEL logger - message`; `json`: one JSON object per line (see [*Logs*](#logs))"),
            s("USERPOOL_CLASS_ARCHIVE", Section.SERVER, "`on`", FLAG,
                    "with the plain `java -jar`: start the service from a class-data archive of its classes, kept in `~/.cache/userpool/class-archives` and written when the first service of a jar stops (see [*Memory and start-up*](#memory-and-start-up)); `off` starts without one"),

            s("USERPOOL_DIRECTORY", Section.ADAPTERS, "`embedded`", "`embedded` or `cognito`",
                    "user directory (see [`cognito.md`](cognito.md))"),
            s("USERPOOL_EMAIL", Section.ADAPTERS, "`embedded`", "`embedded`, `ses` or `smtp`",
                    "email: `embedded` (the outbox and `/mailbox.html`), `ses` (see [`ses.md`](ses.md)) or `smtp` (see [`smtp.md`](smtp.md))"),
            s("USERPOOL_AUDIT", Section.ADAPTERS, "`embedded`", "`embedded` or `dynamodb`",
                    "audit trail (see [`dynamodb.md`](dynamodb.md))"),
            s("USERPOOL_VERIFICATION", Section.ADAPTERS, "`code`", "`code` or `link`",
                    "`code` (6-digit code) or `link` (verification link)"),
            s("USERPOOL_ADMIN_EMAILS", Section.ADAPTERS, "none", "email addresses separated by commas",
                    "addresses that administer as members of the admin group do (their tokens name it) — each only while its `email_verified` is true"),
            s("USERPOOL_ADMIN_GROUP", Section.ADAPTERS, "`admins`", "a group name (1 to 128 characters, no spaces)",
                    "the group whose members administer (the admin API, the admin page, the CLI's `groups`); a member taken out of it loses that at once"),
            s("USERPOOL_LOG_CODES", Section.ADAPTERS, "`false`", FLAG,
                    "also print one-time codes in the mail log line (development only)"),
            s("USERPOOL_PREVENT_USER_EXISTENCE_ERRORS", Section.ADAPTERS, "`true`", FLAG,
                    "Cognito's user-enumeration protection: an unknown user is answered like a wrong password"),
            // issue 13, attributes
            s("USERPOOL_REQUIRED_ATTRIBUTES", Section.ADAPTERS, "none", "standard attribute names separated by commas",
                    "attributes sign-up must give and nobody may delete (the address always is)"),
            s("USERPOOL_CLIENT_READ_ATTRIBUTES", Section.ADAPTERS, "all", "attribute names separated by commas",
                    "attributes the app client may read: the others are left out of GetUser, `/api/me` and the ID token"),
            s("USERPOOL_CLIENT_WRITE_ATTRIBUTES", Section.ADAPTERS, "all", "attribute names separated by commas",
                    "attributes the app client may write at sign-up and in UpdateUserAttributes (`email_verified` never)"),

            s("USERPOOL_HASH_CONCURRENCY", Section.HASHING, "number of cores", "1 to 256",
                    "threads that compute Argon2id hashes (at most this many at once)"),
            s("USERPOOL_HASH_QUEUE", Section.HASHING, "`64`", "0 to 100000",
                    "hashes that may wait for those threads; past that a sign-in is refused at once with 429 `TooManyRequests` and `Retry-After`"),
            s("USERPOOL_ARGON2_MEMORY_KIB", Section.HASHING, "`19456`", "at least 8 per lane, at most 4194304 (4 GiB)",
                    "memory of each new Argon2id hash, in KiB"),
            s("USERPOOL_ARGON2_ITERATIONS", Section.HASHING, "`2`", "1 to 100", "passes of each new hash"),
            s("USERPOOL_ARGON2_PARALLELISM", Section.HASHING, "`1`", "1 to 16",
                    "lanes of each new hash; above 1 libsodium is not used"),

            s("USERPOOL_POOL_ID", Section.LOCAL_POOL, "`local_Userpool1`", "a region, `_`, then letters and digits",
                    "the pool id; the part before `_` is what clients take for the region, the part after it is hashed into SRP verifiers"),
            s("USERPOOL_CLIENT_ID", Section.LOCAL_POOL, "`userpool-local`", "1 to 128 letters, digits, `_`, `+` or `-`",
                    "the app client id (also the tokens' `aud` / `client_id`)"),
            s("USERPOOL_CLIENT_SECRET", Section.LOCAL_POOL, "none", "any text",
                    "give the app client a secret: every call naming a user must then carry `SECRET_HASH`"),
            s("USERPOOL_SRP", Section.LOCAL_POOL, "`on`", FLAG,
                    "keep SRP verifiers and answer `USER_SRP_AUTH`; `off` stores none and forgets those stored"),
            s("USERPOOL_POOL_ADMIN", Section.LOCAL_POOL, "`loopback`", "`loopback`, `any` or `off`",
                    "where admin operations are accepted from: `loopback` (from `USERPOOL_LOCAL_NETWORKS`, never web pages), `any` (from anywhere, never web pages; logged as a warning), `off`"),
            s("USERPOOL_FIRST_AUTH_FACTORS", Section.LOCAL_POOL, "`PASSWORD,PASSWORD_SRP,EMAIL_OTP,WEB_AUTHN`",
                    "a comma-separated list of `PASSWORD`, `PASSWORD_SRP`, `EMAIL_OTP`, `WEB_AUTHN`; `PASSWORD` required",
                    "the first factors choice-based sign-in (`USER_AUTH`) offers, until UpdateUserPool sets the pool's `SignInPolicy` (kept in the database)"),
            s("USERPOOL_ADMIN_USER_PASSWORD_AUTH", Section.LOCAL_POOL, "`on`", FLAG,
                    "answer AdminInitiateAuth's `ADMIN_USER_PASSWORD_AUTH` (server-side sign-in, Cognito's `ALLOW_ADMIN_USER_PASSWORD_AUTH`); `off` refuses it as Cognito refuses a flow the app client lacks"),
            s("USERPOOL_MFA", Section.LOCAL_POOL, "`optional`", "`off`, `optional` or `on`",
                    "second factors (authenticator apps, TOTP; Cognito's `MfaConfiguration`): `optional` lets each account set an app up and turn it on, then asks its code after the password; `on` asks every account, and one without an app sets one up at its next sign-in (`MFA_SETUP`); `off` asks none and refuses enrolment"),
            s("USERPOOL_POOL_FILE", Section.LOCAL_POOL, "none", "a path to a JSON file",
                    "the pool's app clients and resource servers, in the shape of CreateUserPoolClient / CreateResourceServer requests (`{\"ResourceServers\": [...], \"UserPoolClients\": [...]}`, a client may pin `ClientId` and `ClientSecret`), applied at each start-up: created, or replaced by `ClientId` / `Identifier`; an error names the entry and stops the start-up (see docs/local-pool.md)"),
            s("USERPOOL_TEMPORARY_PASSWORD_DAYS", Section.LOCAL_POOL, "`7`", "1 to 365",
                    "days an administrator's temporary password (an invitation, AdminCreateUser, AdminSetUserPassword with Permanent false) signs in; Cognito's `TemporaryPasswordValidityDays`. With `USERPOOL_DIRECTORY=cognito` the pool's own setting applies"),

            s("USERPOOL_COGNITO_USER_POOL_ID", Section.COGNITO, "required", "a pool id like `eu-west-1_AbCdEf123`",
                    "the pool; it must agree with `AWS_REGION`"),
            s("USERPOOL_COGNITO_CLIENT_ID", Section.COGNITO, "required", "an app client id",
                    "the pool's app client the app signs users in through"),
            s("USERPOOL_COGNITO_CLIENT_SECRET", Section.COGNITO, "none", "the client's secret",
                    "the app client's secret, if it has one"),
            s("USERPOOL_COGNITO_AUTH_FLOW", Section.COGNITO, "`USER_SRP_AUTH`", "`USER_SRP_AUTH`, `USER_PASSWORD_AUTH` or `ADMIN_USER_PASSWORD_AUTH`",
                    "how a password is proven to Cognito: an SRP proof (the password stays here), sending it, or sending it server-side with AdminInitiateAuth (the app client then needs no public sign-in flow)"),
            s("USERPOOL_COGNITO_ENDPOINT", Section.COGNITO, "none", URL,
                    "another endpoint (an emulator such as cognito-local); the issuer and JWKS then become `{endpoint}/{poolId}` and `{endpoint}/{poolId}/.well-known/jwks.json`"),

            s("USERPOOL_SES_FROM", Section.SES, "required", "a bare address (no display name)",
                    "the sender: an address verified in SES, or on a verified domain"),
            s("USERPOOL_SES_TEMPLATE", Section.SES, "required with `link` (else `userpool-verification`)",
                    "1 to 64 letters, digits, `-` or `_`",
                    "name of the custom verification template in your SES account; the app creates and updates it, so pick a name no one else uses"),
            s("USERPOOL_SES_ENDPOINT", Section.SES, "none", URL, "another SES endpoint (an emulator, a VPC endpoint)"),
            s("USERPOOL_SES_RATE", Section.SES, "`1`", "above 0, at most 100 (`0.5` allowed)",
                    "custom-verification requests per second, at most (SES allows 1 per account): the account's, shared by every instance, when `USERPOOL_AUDIT=dynamodb`; else this instance's (see [replicas](replicas.md))"),
            s("USERPOOL_SES_FALLBACK_SHARE", Section.SES, "`0.5`", "above 0, at most 1",
                    "the part of that rate an instance takes alone while DynamoDB cannot be reached"),
            s("USERPOOL_SES_QUEUE", Section.SES, "`10`", "1 to 1000",
                    "sign-ups that may wait for their turn before the next one is told to retry"),

            s("USERPOOL_SMTP_HOST", Section.SMTP, "required", "a host name or IP address", "the mail server"),
            s("USERPOOL_SMTP_TLS", Section.SMTP, "`starttls`", "`starttls`, `tls` or `none`",
                    "`starttls` (upgrade, never falling back to plain text), `tls` (implicit TLS, \"SMTPS\"), or `none` — allowed only when the host is this machine (`localhost`, 127.0.0.0/8, `::1`)"),
            s("USERPOOL_SMTP_PORT", Section.SMTP, "`587` / `465` / `25`", "1 to 65535",
                    "the port; the default follows `USERPOOL_SMTP_TLS`"),
            s("USERPOOL_SMTP_USERNAME", Section.SMTP, "none", "any text; with `USERPOOL_SMTP_PASSWORD` or not at all",
                    "the login for SMTP AUTH"),
            s("USERPOOL_SMTP_PASSWORD", Section.SMTP, "none", "any text, taken as given; with `USERPOOL_SMTP_USERNAME` or not at all",
                    "the password for SMTP AUTH; it never appears in logs, errors, the outbox or `toString`"),
            s("USERPOOL_SMTP_FROM", Section.SMTP, "required", "a bare address, like `no-reply@example.com`",
                    "the sender, an address the server lets the app send from"),
            s("USERPOOL_SMTP_RETRY_FIRST", Section.SMTP, "`5s`", "`500ms`, `5s`, `1m` or ISO-8601 like `PT5S`; above zero, at most an hour",
                    "the wait before a message's first retry"),
            s("USERPOOL_SMTP_RETRY_MAX", Section.SMTP, "`60s`", "as `USERPOOL_SMTP_RETRY_FIRST`, and not shorter than it",
                    "the longest wait between two attempts: the wait doubles from the first up to this"),

            s("USERPOOL_DYNAMODB_TABLE", Section.DYNAMODB, "required", "3 to 255 letters, digits, `_`, `-` or `.`", "the table"),
            s("USERPOOL_DYNAMODB_CREATE_TABLE", Section.DYNAMODB, "`false`", FLAG,
                    "`true`: create the table and its index (on-demand billing) if missing, wait until they are active, turn TTL on. `false`: check at start that the table has the expected keys and index, and stop with a message that says what differs"),
            s("USERPOOL_AUDIT_RETENTION_DAYS", Section.DYNAMODB, "`400`", "1 to 36500",
                    "days an event is kept: after that it is no longer shown and DynamoDB's TTL deletes it"),
            s("USERPOOL_DYNAMODB_SPOOL_DIR", Section.DYNAMODB, "`<USERPOOL_DATA_DIR>/audit-spool`", "a directory on a local disk",
                    "where events wait while DynamoDB cannot take them (see [*The spool*](dynamodb.md#the-spool))"),
            s("USERPOOL_DYNAMODB_ENDPOINT", Section.DYNAMODB, "none", URL,
                    "another DynamoDB endpoint (an emulator such as dynalite, a VPC endpoint)"));

    private SettingsCatalog() {}

    private static Setting s(String name, Section section, String defaultText, String allowedText, String description) {
        return new Setting(name, section, defaultText, allowedText, description);
    }

    public static List<Setting> all() {
        return ALL;
    }

    public static Optional<Setting> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static List<Setting> in(Section section) {
        return ALL.stream().filter(s -> s.section() == section).toList();
    }

    public static List<Section> sections() {
        return Arrays.asList(Section.values());
    }
}
