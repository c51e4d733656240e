package org.tesseracrm.platform.internal.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point: an http(s) URL whose host resolves only to public addresses, so that
 * registering an endpoint cannot make the server call into its own network (the loopback, private
 * and link-local ranges, cloud metadata at 169.254.169.254, carrier-grade NAT, unique-local IPv6),
 * unless the operator allows private networks. Checked when an endpoint is registered and again
 * before every delivery (a name may resolve elsewhere later).
 */
final class Targets {
    static final int LONGEST_URL = 2000;

    private Targets() {
    }

    /** What is wrong with {@code url} as a webhook target, or empty when it may be called. */
    static Optional<String> refusal(String url, boolean allowPrivateNetworks) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > LONGEST_URL) {
            return Optional.of("must be at most " + LONGEST_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must be an http(s) URL with a host and neither user nor fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve: " + uri.getHost());
        }
        if (!allowPrivateNetworks) {
            for (InetAddress a : addresses) {
                if (!isPublic(a)) {
                    return Optional.of("points to a private or local network address (" + a.getHostAddress()
                            + "); an administrator may allow it with allowPrivateNetworks = true in etc/org.tesseracrm.webhooks.cfg");
                }
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            boolean mapped = true; // ::ffff:a.b.c.d, an IPv4 address in IPv6 form
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }
}
