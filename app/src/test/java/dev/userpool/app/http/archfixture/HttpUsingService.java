package dev.userpool.app.http.archfixture;

/** Deliberately breaks the rule that the HTTP adapter knows the use cases by their in-port only. */
public class HttpUsingService {
    dev.userpool.core.service.AuthenticationService authentication;
}
