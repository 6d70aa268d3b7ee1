package dev.userpool.app.http.archfixture;

/** Deliberately breaks the rule that the HTTP adapter gets its own settings from the wiring, never the app's. */
public class HttpUsingSettings {
    dev.userpool.app.config.LocalNetworks networks;
}
