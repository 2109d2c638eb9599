package dev.afterimage.web.console;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Says in a {@code Server-Timing} header how long the server spent on each console page, queries and rendering
 * included: the browser's developer tools show it, and the benchmark reads it.
 */
public class ServerTiming {

    private static final String STARTED = ServerTiming.class.getName() + ".started";

    @ServerRequestFilter
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void stop(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started
                && request.getUriInfo().getPath().startsWith("/console")) {
            double millis = (System.nanoTime() - started) / 1_000_000.0;
            response.getHeaders().add("Server-Timing", String.format(Locale.ROOT, "app;dur=%.1f", millis));
        }
    }
}
