package dev.userpool.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address written out ({@code 127.0.0.1}, {@code ::1}, {@code [::1]}), read without ever asking
 * DNS: a name is not an address here. IPv4 is strictly four decimal parts (no {@code 127.1}, no leading
 * zeros, which some tools read as octal); IPv6 goes to {@link InetAddress#getByName} only once it is
 * made of hex digits, colons and dots and begins with a hex digit or a colon, which the JDK then parses
 * as a literal and never looks up. An IPv4-mapped IPv6 address comes back as the IPv4 address.
 */
public final class AddressLiteral {
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

    private AddressLiteral() {}

    /** The address {@code text} writes; empty when it is not an address literal. A zone ({@code %eth0}) is dropped. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        int zone = s.indexOf('%');
        if (zone >= 0 && s.contains(":")) s = s.substring(0, zone);
        if (IPV4.matcher(s).matches()) {
            byte[] bytes = new byte[4];
            String[] parts = s.split("\\.");
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) return Optional.empty();
                bytes[i] = (byte) v;
            }
            return address(bytes);
        }
        if (s.contains(":") && IPV6.matcher(s).matches()) {
            try {
                return Optional.of(InetAddress.getByName(s));
            } catch (UnknownHostException e) {
                return Optional.empty();   // not a valid IPv6 literal (the JDK does not look up text with ':')
            }
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> address(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();   // only for a wrong length, which cannot happen here
        }
    }
}
