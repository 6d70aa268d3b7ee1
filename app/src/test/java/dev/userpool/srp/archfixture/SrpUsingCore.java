package dev.userpool.srp.archfixture;

/** Deliberately breaks the rule that the SRP library depends on the JDK only (it must not know userpool's types). */
public class SrpUsingCore {
    Object password = dev.userpool.core.domain.Password.of("Not-A-Secret-1");
}
