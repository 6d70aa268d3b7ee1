/**
 * Every out-port of the core on one SQLite file, so the whole system runs on one machine with no
 * cloud account: users with Argon2id hashes, Cognito's codes, limits and lockout, RS256 tokens with
 * Cognito's claims, an outbox mailer, link verification and the audit log.
 *
 * <p>Adapters are plain classes built with constructors; they speak only the core's types and report
 * every failure as a {@link dev.userpool.core.domain.UserPoolException}.
 *
 * <p><b>Entry point:</b> {@link dev.userpool.embedded.EmbeddedAdapters#builder}, which opens the file and
 * builds every adapter on it (docs/embedding.md). The other public classes are public because the app's
 * Dagger wiring builds them one by one (to meter them, share them with its pages and swap single ports);
 * a service of your own needs only the builder and the values it takes or gives ({@code EmbeddedSettings},
 * {@code Argon2Parameters}, {@code OutboxMailer}, {@code StoredEmail}).
 */
package dev.userpool.embedded;
