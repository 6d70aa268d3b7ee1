/**
 * A {@link dev.userpool.core.port.out.MailTransport} over SMTP, on Jakarta Mail (Eclipse Angus Mail):
 * one message, one connection, text and HTML as {@code multipart/alternative}, STARTTLS, implicit TLS
 * or (to this machine only) plain text, and AUTH when a login is given. The adapter never queues or
 * retries: the embedded outbox does that, with the outcome this transport reports.
 *
 * <p><b>Entry point:</b> {@code new SmtpTransport(SmtpRelay.of(host, port, security, login), from, clock)},
 * handed to the embedded adapters' {@code OutboxDelivery}.
 */
package dev.userpool.smtp;
