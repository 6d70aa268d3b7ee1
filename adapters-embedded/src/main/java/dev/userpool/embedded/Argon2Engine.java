package dev.userpool.embedded;

/** One implementation of Argon2id: hashes to, and verifies, PHC strings. */
interface Argon2Engine {

    String hash(byte[] password, Argon2Parameters parameters);

    /** False for a wrong password and for a string that is not an Argon2id PHC string. */
    boolean verify(String phc, byte[] password);

    /** What it is, for the start-up log, {@code /health} and the metrics: libsodium, argon2-jvm or bouncy-castle. */
    String name();

    boolean isNative();
}
