package dev.userpool.app.archfixture;

/** Deliberately breaks the rule that nothing prints to the standard streams. */
public class PrintsToStandardOut {
    void say(String secret) {
        System.out.println(secret);
    }
}
