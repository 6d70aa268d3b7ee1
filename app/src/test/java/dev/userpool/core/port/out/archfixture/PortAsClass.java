package dev.userpool.core.port.out.archfixture;

/** Deliberately breaks the rule that out-ports are interfaces. */
public class PortAsClass {}
