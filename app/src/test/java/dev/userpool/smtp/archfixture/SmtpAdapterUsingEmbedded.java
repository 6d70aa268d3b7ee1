package dev.userpool.smtp.archfixture;

/** Deliberately breaks the rule that adapters do not depend on each other: SMTP reaching into the outbox. */
public class SmtpAdapterUsingEmbedded {
    dev.userpool.embedded.OutboxQueue queue;
}
