package dev.userpool.embedded;

/**
 * The cost of one Argon2id hash. The defaults are OWASP's minimum for Argon2id (19 MiB, 2 passes, one
 * lane): slow enough to hurt a guesser, cheap enough for a small machine to sign people in.
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {
    public Argon2Parameters {
        if (parallelism < 1 || parallelism > 255) throw new IllegalArgumentException("parallelism must be 1..255");
        if (iterations < 1) throw new IllegalArgumentException("iterations must be at least 1");
        // Argon2 needs at least 8 KiB per lane.
        if (memoryKiB < 8 * parallelism) throw new IllegalArgumentException("memoryKiB must be at least 8 per lane");
    }

    /** As the PHC string says it, {@code m=19456 t=2 p=1}: for logs and {@code /health}. */
    public String summary() {
        return "m=" + memoryKiB + " t=" + iterations + " p=" + parallelism;
    }

    public static Argon2Parameters defaults() {
        return new Argon2Parameters(19_456, 2, 1);
    }
}
