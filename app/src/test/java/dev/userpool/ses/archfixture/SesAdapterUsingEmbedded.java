package dev.userpool.ses.archfixture;

/** Deliberately breaks the rule that adapters do not depend on each other. */
public class SesAdapterUsingEmbedded {
    dev.userpool.embedded.EmbeddedDatabase database;
}
