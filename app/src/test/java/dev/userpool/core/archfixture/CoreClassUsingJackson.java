package dev.userpool.core.archfixture;

/** Deliberately breaks the rule that the core depends on the JDK only (used to prove the rule can fail). */
public class CoreClassUsingJackson {
    Object mapper = new com.fasterxml.jackson.databind.ObjectMapper();
}
