package dev.afterimage.source.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Notes the address each call's connection went to, in the {@link Slot} the request carries as a tag: an OkHttp
 * response does not say which of a name's addresses answered, and the WARC record of a fetch should.
 */
final class RemoteAddress implements Interceptor {

    /** Filled in once the call has a connection; read after the response arrived. */
    static final class Slot {
        private volatile String ipAddress;

        String ipAddress() {
            return ipAddress;
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Slot slot = chain.request().tag(Slot.class);
        Connection connection = chain.connection();
        // Through a proxy the connection's peer is the proxy: the target's address is not known, so none is noted.
        if (slot != null && connection != null && connection.route().proxy().type() == Proxy.Type.DIRECT) {
            InetSocketAddress address = connection.route().socketAddress();
            slot.ipAddress = address.getAddress() == null
                    ? address.getHostString()
                    : address.getAddress().getHostAddress();
        }
        return chain.proceed(chain.request());
    }
}
