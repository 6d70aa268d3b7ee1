package dev.userpool.app.archfixture;

/** Deliberately breaks the rule that nothing but Main ends the process. */
public class ExitsTheProcess {
    void stop() {
        System.exit(1);
    }
}
