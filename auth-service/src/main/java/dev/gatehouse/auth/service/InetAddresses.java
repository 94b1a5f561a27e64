package dev.gatehouse.auth.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Makes a client address safe to store in a PostgreSQL {@code inet} column. */
final class InetAddresses {

    private static final Pattern IPV4 = Pattern
            .compile("^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("^[0-9A-Fa-f:.]{2,45}$");

    private InetAddresses() {
    }

    /**
     * The address as inet accepts it, without an IPv6 zone ({@code fe80::1%eth0}), or null when it is not an IP
     * address (a Unix socket, a proxy's "unknown"): a value the column refuses must not fail the request it records.
     */
    static String forInetColumn(String address) {
        if (address == null) {
            return null;
        }
        String bare = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1)
                : address;
        int zone = bare.indexOf('%');
        bare = zone < 0 ? bare : bare.substring(0, zone);
        if (IPV4.matcher(bare).matches()) {
            return bare;
        }
        if (bare.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(bare).matches()) {
            return null;
        }
        try {
            // With a colon in it, the JDK parses the text as an IPv6 literal and never asks DNS.
            return InetAddress.getByName(bare).getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
