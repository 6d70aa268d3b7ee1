package dev.userpool.app.config;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * One network in CIDR notation — {@code 10.0.0.0/8}, {@code fd00::/8} — or one address ({@code ::1},
 * i.e. {@code ::1/128}), matched on the address bytes. Bits past the prefix length are ignored, so
 * {@code 127.0.0.1/8} is {@code 127.0.0.0/8}. An IPv4 network never matches an IPv6 address and the
 * other way round (an IPv4-mapped IPv6 address is read as the IPv4 address it maps).
 */
public final class IpNetwork {
    private final byte[] network;
    private final int prefixLength;

    private IpNetwork(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** {@code text} as a network; {@link IllegalArgumentException} saying what is wrong when it is not one. */
    public static IpNetwork parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        InetAddress parsed = AddressLiteral.parse(address).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not an IP address or network (names are not allowed)"));
        byte[] bytes = parsed.getAddress();
        int maxBits = bytes.length * 8;
        int prefix = maxBits;
        if (slash >= 0) {
            String length = s.substring(slash + 1);
            if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > maxBits) {
                throw new IllegalArgumentException("'" + text + "' has a prefix length that is not 0 to " + maxBits);
            }
            prefix = Integer.parseInt(length);
        }
        return new IpNetwork(masked(bytes, prefix), prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(masked(bytes, prefixLength), network);
    }

    private static byte[] masked(byte[] bytes, int prefix) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - 8 * i));
            out[i] = (byte) (bytes[i] & (0xff << (8 - bits)));
        }
        return out;
    }

    /** CIDR notation, IPv6 in its shortest form ({@code ::1/128}). */
    @Override
    public String toString() {
        return (network.length == 4 ? ipv4() : ipv6()) + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpNetwork other && prefixLength == other.prefixLength && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    private String ipv4() {
        return (network[0] & 0xff) + "." + (network[1] & 0xff) + "." + (network[2] & 0xff) + "." + (network[3] & 0xff);
    }

    /** RFC 5952: lower-case hex, no leading zeros, the longest run (two or more) of zero groups as "::". */
    private String ipv6() {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = ((network[2 * i] & 0xff) << 8) | (network[2 * i + 1] & 0xff);
        Optional<int[]> run = longestZeroRun(groups);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (run.isPresent() && i == run.get()[0]) {
                out.append("::");
                i += run.get()[1] - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') out.append(':');
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static Optional<int[]> longestZeroRun(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < groups.length && groups[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        return bestStart < 0 ? Optional.empty() : Optional.of(new int[] {bestStart, bestLength});
    }
}
