package dev.userpool.core.domain;

/** How an account got confirmed. Only a method that proves the mailbox verifies the address. */
public enum ConfirmationMethod {
    /** The 6-digit code sent to the address. */
    CODE(true),
    /** The SES custom verification link. */
    LINK(true),
    /** An operator confirmed it by hand: the address is not proven. */
    ADMIN(false);

    private final boolean verifiesEmail;

    ConfirmationMethod(boolean verifiesEmail) {
        this.verifiesEmail = verifiesEmail;
    }

    public boolean verifiesEmail() {
        return verifiesEmail;
    }
}
