package dev.userpool.core.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Temporary passwords an administrator did not choose (AdminCreateUser without {@code TemporaryPassword}):
 * random, from a CSPRNG, at least {@value #LENGTH} characters and never shorter than the policy's minimum,
 * with one character of every class the policy requires, so that every generated password passes it.
 */
public final class TemporaryPasswords {
    static final int LENGTH = 16;
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    /** Symbols that survive a copy from an email and a shell without quoting. */
    private static final String SYMBOLS = "!#%*+-.=?@_";

    private final PasswordPolicy policy;
    private final SecureRandom random;

    public TemporaryPasswords(PasswordPolicy policy, SecureRandom random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
    }

    public Password generate() {
        List<Character> chars = new ArrayList<>();
        if (policy.requireLowercase()) chars.add(pick(LOWER));
        if (policy.requireUppercase()) chars.add(pick(UPPER));
        if (policy.requireDigit()) chars.add(pick(DIGITS));
        if (policy.requireSymbol()) chars.add(pick(SYMBOLS));
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        while (chars.size() < Math.max(LENGTH, policy.minLength())) chars.add(pick(all));
        Collections.shuffle(chars, random);
        StringBuilder sb = new StringBuilder(chars.size());
        chars.forEach(sb::append);
        Password password = Password.of(sb.toString());
        policy.check(password);
        return password;
    }

    private char pick(String from) {
        return from.charAt(random.nextInt(from.length()));
    }
}
