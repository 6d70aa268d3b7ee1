/**
 * Every out-port of the core on one SQLite file, so the whole system runs on one machine with no
 * cloud account: users with Argon2id hashes, Cognito's codes, limits and lockout, RS256 tokens with
 * Cognito's claims, an outbox mailer, link verification and the audit log.
 *
 * <p>Adapters are plain classes built with constructors; they speak only the core's types and report
 * every failure as a {@link dev.userpool.core.domain.UserPoolException}.
 */
package dev.userpool.embedded;
