/**
 * Amazon SES v2 behind two out-ports: {@link dev.userpool.ses.SesEmailVerifier} proves an address with
 * SES's custom verification emails (the template kept in step with the files the app ships, sends
 * paced to SES's one request per second, identities forgotten once the account is confirmed), and
 * {@link dev.userpool.ses.SesMailer} delivers the core's messages with SendEmail.
 *
 * <p>Adapters are plain classes built with constructors around a {@code SesV2Client} the caller
 * builds; every SES or SDK failure reaches the core as a {@link dev.userpool.core.domain.UserPoolException}.
 *
 * <p><b>Entry points:</b> {@code new SesMailer(client, from)} for the {@code Mailer}, and
 * {@code new SesEmailVerifier(client, VerificationEmailTemplate, SendPacer)} for the {@code EmailVerifier}
 * (closed to stop its pacer).
 */
package dev.userpool.ses;
