package dev.userpool.app.config;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What "this machine" means for every local-only door — the development mailbox, {@code /metrics}
 * and the local pool's admin operations: the networks of {@code USERPOOL_LOCAL_NETWORKS}, a
 * comma-separated CIDR list, by default {@value #DEFAULT} (the loopback addresses). A caller is judged
 * by the address its connection comes from, never by a header.
 */
public record LocalNetworks(List<IpNetwork> networks) {
    public static final String VARIABLE = "USERPOOL_LOCAL_NETWORKS";
    public static final String DEFAULT = "127.0.0.0/8,::1";

    public LocalNetworks {
        networks = List.copyOf(networks);
    }

    public static LocalNetworks from(Environment env) {
        String raw = env.get(VARIABLE, DEFAULT);
        List<IpNetwork> networks = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            if (part.isBlank()) {
                throw new InvalidSettingsException(VARIABLE + "=" + raw + " is not understood: it has an empty entry;"
                        + " expected networks such as 127.0.0.0/8,::1 separated by commas.");
            }
            try {
                networks.add(IpNetwork.parse(part));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingsException(VARIABLE + "=" + raw + " is not understood: " + e.getMessage()
                        + "; expected networks such as 127.0.0.0/8,::1,10.1.2.0/24 separated by commas.");
            }
        }
        return new LocalNetworks(networks);
    }

    public boolean contains(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    /** {@code 127.0.0.0/8, ::1/128}: for the start-up log. */
    @Override
    public String toString() {
        return networks.stream().map(IpNetwork::toString).collect(Collectors.joining(", "));
    }
}
