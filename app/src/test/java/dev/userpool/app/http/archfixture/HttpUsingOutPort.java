package dev.userpool.app.http.archfixture;

/** Deliberately breaks the rule that the HTTP adapter drives the use cases and never an out-port. */
public class HttpUsingOutPort {
    dev.userpool.core.port.out.Authenticator authenticator;
}
