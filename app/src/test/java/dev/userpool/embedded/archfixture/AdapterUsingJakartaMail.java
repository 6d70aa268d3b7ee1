package dev.userpool.embedded.archfixture;

/** Deliberately breaks the rule that Jakarta Mail stays in the SMTP adapter. */
public class AdapterUsingJakartaMail {
    jakarta.mail.Session session;
}
