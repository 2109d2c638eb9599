package dev.afterimage.security;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/** The client's address as the service sees it (the proxy's own, unless proxy address forwarding is on). */
public final class ClientAddress {

    private ClientAddress() {}

    public static String of(RoutingContext context) {
        return of(context.request());
    }

    public static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    /**
     * Whether the request comes from this machine and names it so: not relayed by a proxy (which would connect from
     * loopback on behalf of anyone), and not for the public name.
     */
    public static boolean fromThisMachine(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null || remote.hostAddress() == null) {
            return false;
        }
        String address = remote.hostAddress();
        boolean loopback = address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
        String host = request.getHeader("Host");
        String name = host == null ? "" : host.replaceFirst(":\\d+$", "");
        boolean loopbackName = name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
        return loopback
                && loopbackName
                && request.getHeader("X-Forwarded-For") == null
                && request.getHeader("Forwarded") == null;
    }
}
