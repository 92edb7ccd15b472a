package org.echomask.annotate;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a request's {@code Host} header may carry. This is what stops DNS rebinding: a web
 * page on {@code attacker.example} that re-points its own name at this machine reaches the server
 * with {@code Host: attacker.example}, a name the server never answers to. So the check stays on
 * whatever address the server is bound to; binding to {@code 0.0.0.0} only widens the list to
 * this machine's host name and addresses, and to names given with {@code --allow-host} (an alias
 * in /etc/hosts, a name behind a port forward).
 *
 * <p>Addresses are compared as addresses ({@code [::1]} and {@code [0:0:0:0:0:0:0:1]} are one),
 * names case-insensitively without a trailing dot. Nothing here resolves a name: a lookup per
 * request is exactly what rebinding exploits.
 */
public final class HostAllowList {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+\\]");
    private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}$");

    private final Set<String> names;
    private final Set<InetAddress> addresses;

    private HostAllowList(Set<String> names, Set<InetAddress> addresses) {
        this.names = Collections.unmodifiableSet(names);
        this.addresses = Collections.unmodifiableSet(addresses);
    }

    /**
     * The list for a server bound to {@code bound}: loopback names and addresses always; when bound
     * elsewhere also this machine's host name and the bound address (every interface's addresses
     * for the wildcard address); plus {@code extra} names or addresses.
     *
     * @throws IllegalArgumentException naming an extra entry that is neither a host name nor an address
     */
    static HostAllowList forBinding(InetAddress bound, Collection<String> extra) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost"));
        Set<InetAddress> addresses = new LinkedHashSet<>();
        if (!bound.isLoopbackAddress()) {
            localHostName().ifPresent(names::add);
            if (bound.isAnyLocalAddress()) {
                addresses.addAll(interfaceAddresses());
            } else {
                addresses.add(bound);
            }
        }
        for (String e : extra) {
            String n = normalize(e);
            InetAddress literal = literal(n);
            if (literal != null) {
                addresses.add(literal);
            } else if (NAME.matcher(n).matches()) {
                names.add(n);
            } else {
                throw new IllegalArgumentException("'" + e + "' is not a host name or an IP address");
            }
        }
        return new HostAllowList(names, addresses);
    }

    /**
     * Checks one {@code --allow-host} value, for the command line to refuse a bad one while parsing.
     *
     * @throws IllegalArgumentException saying why {@code entry} is neither a host name nor an address
     */
    public static void validate(String entry) {
        forBinding(InetAddress.getLoopbackAddress(), List.of(entry));
    }

    /** Whether a request with this {@code Host} header value (possibly with a port) may be answered. */
    boolean allows(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = normalize(PORT.matcher(hostHeader.trim()).replaceFirst(""));
        InetAddress literal = literal(host);
        if (literal != null) {
            return literal.isLoopbackAddress() || addresses.contains(literal);
        }
        return names.contains(host);
    }

    Set<String> names() {
        return names;
    }

    private static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The address written in {@code host} (a.b.c.d or [v6]), or null for a name; never a DNS lookup. */
    private static InetAddress literal(String host) {
        try {
            if (IPV4.matcher(host).matches()) {
                byte[] b = new byte[4];
                String[] parts = host.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int v = Integer.parseInt(parts[i]);
                    if (v > 255) {
                        return null;
                    }
                    b[i] = (byte) v;
                }
                return InetAddress.getByAddress(b);
            }
            if (IPV6.matcher(host).matches()) {
                // A bracketed name must be an IPv6 literal: InetAddress parses it and never looks it up.
                return InetAddress.getByAddress(InetAddress.getByName(host).getAddress());
            }
        } catch (UnknownHostException e) {
            return null; // [1:2:3] and the like: no address, and no valid name either
        }
        return null;
    }

    private static Optional<String> localHostName() {
        try {
            return Optional.of(normalize(InetAddress.getLocalHost().getHostName()));
        } catch (UnknownHostException e) {
            return Optional.empty(); // a machine without a resolvable name: --allow-host covers it
        }
    }

    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> all = new LinkedHashSet<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    // Scope ids are dropped: browsers do not send them in Host headers.
                    all.add(a instanceof Inet6Address ? InetAddress.getByAddress(a.getAddress()) : a);
                }
            }
        } catch (SocketException | UnknownHostException e) {
            // No interface list: loopback and --allow-host still work.
        }
        return all;
    }
}
