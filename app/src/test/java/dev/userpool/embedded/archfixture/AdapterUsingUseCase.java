package dev.userpool.embedded.archfixture;

/** Deliberately breaks the rule that adapters do not depend on the core's use cases. */
public class AdapterUsingUseCase {
    dev.userpool.core.service.RegistrationService registration;
}
