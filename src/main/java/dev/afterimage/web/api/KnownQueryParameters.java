package dev.afterimage.web.api;

import dev.afterimage.web.Problem;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter the API call does not take, naming it and the ones it does, instead of ignoring it: a
 * client that sends {@code ?q=convoy} to {@code /api/posts} must not take the unfiltered answer for a search result.
 */
public class KnownQueryParameters {

    private final Map<Method, List<String>> taken = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null
                || !method.getDeclaringClass()
                        .getPackageName()
                        .equals(getClass().getPackageName())) {
            return null;
        }
        List<String> known = taken.computeIfAbsent(method, KnownQueryParameters::queryParametersOf);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                return Problem.response(
                        Response.Status.BAD_REQUEST,
                        "unknown query parameter " + name + "; "
                                + (known.isEmpty()
                                        ? "this call takes none"
                                        : "this call takes " + String.join(", ", known)),
                        name);
            }
        }
        return null;
    }

    private static List<String> queryParametersOf(Method method) {
        return Arrays.stream(method.getParameters())
                .map(parameter -> parameter.getAnnotation(QueryParam.class))
                .filter(Objects::nonNull)
                .map(QueryParam::value)
                .toList();
    }
}
