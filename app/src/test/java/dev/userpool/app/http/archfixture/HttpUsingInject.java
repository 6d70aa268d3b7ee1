package dev.userpool.app.http.archfixture;

/** Deliberately breaks the rule that Dagger and javax.inject stay in the wiring. */
public class HttpUsingInject {
    @javax.inject.Inject
    public HttpUsingInject() {}
}
