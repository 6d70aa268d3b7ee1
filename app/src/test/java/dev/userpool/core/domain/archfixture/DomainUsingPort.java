package dev.userpool.core.domain.archfixture;

/** Deliberately breaks the rule that the domain never sees a port. */
public class DomainUsingPort {
    dev.userpool.core.port.out.UserDirectory directory;
}
