package dev.userpool.cognito.srp;

import java.math.BigInteger;

/**
 * {@code base^e mod m} for one fixed base and modulus, from a table built once: row {@code i} holds
 * {@code base^(j·16^i)} for {@code j = 1..15}, so a power is one table entry per non-zero hex digit of
 * the exponent multiplied together — about 240 modular products for a 1024-bit exponent and no
 * squarings, where {@link BigInteger#modPow} needs 1024 squarings. The SRP client raises the fixed
 * generator twice per sign-in ({@code A = g^a} and {@code g^x}); this is what keeps the whole client
 * faster than the two unavoidable {@code modPow}s alone (docs/PERFORMANCE-srp.md).
 *
 * <p>Products are reduced with Barrett's method (two multiplications instead of a long division). The
 * table for a 3072-bit modulus and 1024-bit exponents is 3840 numbers, about 1.7 MB, built in tens of
 * milliseconds. Like {@code BigInteger.modPow}, the time taken depends on the exponent's digits; an
 * exponent longer than the table falls back to {@code modPow}. Immutable, so any thread may use it.
 */
final class FixedBasePowers {
    private static final int DIGIT_BITS = 4;
    private static final int DIGITS = 1 << DIGIT_BITS;

    private final BigInteger base;
    private final BigInteger modulus;
    private final int maxExponentBits;
    private final int modulusBits;
    private final BigInteger barrettFactor;
    private final BigInteger[][] table;

    FixedBasePowers(BigInteger base, BigInteger modulus, int maxExponentBits) {
        if (modulus.signum() <= 0 || !modulus.testBit(0)) throw new IllegalArgumentException("modulus must be odd and positive");
        if (maxExponentBits <= 0 || maxExponentBits % DIGIT_BITS != 0) {
            throw new IllegalArgumentException("maxExponentBits must be a positive multiple of " + DIGIT_BITS);
        }
        this.base = base;
        this.modulus = modulus;
        this.maxExponentBits = maxExponentBits;
        this.modulusBits = modulus.bitLength();
        this.barrettFactor = BigInteger.ONE.shiftLeft(2 * modulusBits).divide(modulus);
        this.table = new BigInteger[maxExponentBits / DIGIT_BITS][DIGITS - 1];
        BigInteger unit = base.mod(modulus); // base^(16^i)
        for (BigInteger[] row : table) {
            row[0] = unit;
            for (int j = 1; j < row.length; j++) row[j] = multiply(row[j - 1], unit);
            unit = multiply(row[row.length - 1], unit);
        }
    }

    /** {@code base^exponent mod modulus}, for {@code exponent >= 0}. */
    BigInteger pow(BigInteger exponent) {
        if (exponent.signum() < 0) throw new IllegalArgumentException("negative exponent");
        if (exponent.bitLength() > maxExponentBits) return base.modPow(exponent, modulus);
        byte[] bytes = exponent.toByteArray(); // big-endian: the last byte holds digits 0 and 1
        BigInteger result = null;
        int digit = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            result = times(result, digit++, bytes[i] & 0x0F);
            result = times(result, digit++, (bytes[i] >>> 4) & 0x0F);
        }
        return result == null ? BigInteger.ONE.mod(modulus) : result;
    }

    private BigInteger times(BigInteger result, int position, int digit) {
        if (digit == 0) return result;
        BigInteger power = table[position][digit - 1];
        return result == null ? power : multiply(result, power);
    }

    /** {@code a·b mod m} for {@code 0 <= a, b < m}, by Barrett reduction (HAC 14.42). */
    private BigInteger multiply(BigInteger a, BigInteger b) {
        BigInteger product = a.multiply(b);
        BigInteger quotient = product.shiftRight(modulusBits - 1).multiply(barrettFactor).shiftRight(modulusBits + 1);
        BigInteger rest = product.subtract(quotient.multiply(modulus));
        while (rest.compareTo(modulus) >= 0) rest = rest.subtract(modulus); // at most twice
        return rest;
    }
}
