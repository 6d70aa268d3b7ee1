package dev.userpool.core.port.out;

import dev.userpool.core.domain.EmailMessage;

/** Delivers a message somebody else composed. */
public interface Mailer {
    void deliver(EmailMessage message);
}
