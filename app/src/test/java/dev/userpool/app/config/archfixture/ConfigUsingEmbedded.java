package dev.userpool.app.config.archfixture;

/** Deliberately breaks the rule that configuration holds plain settings and knows no adapter. */
public class ConfigUsingEmbedded {
    dev.userpool.embedded.EmbeddedSettings settings;
}
