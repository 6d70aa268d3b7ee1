package dev.userpool.core.domain.archfixture;

/** Deliberately breaks the rule that the domain never sees the use cases that drive it. */
public class DomainUsingService {
    dev.userpool.core.service.RegistrationService registration;
}
