package dev.userpool.app.config;

/**
 * The cost of each new password hash of the embedded pool: {@code USERPOOL_ARGON2_MEMORY_KIB} (default
 * {@value #DEFAULT_MEMORY_KIB}), {@code USERPOOL_ARGON2_ITERATIONS} ({@value #DEFAULT_ITERATIONS}) and
 * {@code USERPOOL_ARGON2_PARALLELISM} ({@value #DEFAULT_PARALLELISM}) — OWASP's first Argon2id
 * recommendation. A hash made with other values still verifies, and is replaced at its account's next
 * password sign-in.
 *
 * <p>Bounds: Argon2 needs 8 KiB per lane; above 4 GiB a single hash would outgrow most machines (and
 * every hashing thread, {@code USERPOOL_HASH_CONCURRENCY}, holds that much at once); more than
 * {@value #MAX_ITERATIONS} passes or {@value #MAX_PARALLELISM} lanes only multiplies the time a
 * sign-in takes (and each lane beyond one is a thread of libargon2's, outside the hashing pool).
 * Values below OWASP's smallest (7168 KiB with 5 passes) are accepted for tests, not for production.
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    public static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
    public static final int MAX_ITERATIONS = 100;
    public static final int MAX_PARALLELISM = 16;

    public static Argon2Settings defaults() {
        return new Argon2Settings(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    public static Argon2Settings from(Environment env) {
        int parallelism = env.integer("USERPOOL_ARGON2_PARALLELISM", DEFAULT_PARALLELISM, 1, MAX_PARALLELISM);
        int iterations = env.integer("USERPOOL_ARGON2_ITERATIONS", DEFAULT_ITERATIONS, 1, MAX_ITERATIONS);
        int memoryKiB = env.integer("USERPOOL_ARGON2_MEMORY_KIB", DEFAULT_MEMORY_KIB, 8, MAX_MEMORY_KIB);
        if (memoryKiB < 8 * parallelism) {
            throw new InvalidSettingsException("USERPOOL_ARGON2_MEMORY_KIB=" + memoryKiB + " is too little for "
                    + parallelism + " lanes (USERPOOL_ARGON2_PARALLELISM=" + parallelism + "): Argon2 needs at least 8 KiB"
                    + " per lane, so at least " + 8 * parallelism + ".");
        }
        return new Argon2Settings(memoryKiB, iterations, parallelism);
    }
}
