package dev.afterimage.web.hooks;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.source.x.XActivityConfig;
import dev.afterimage.source.x.XActivityEvent;
import dev.afterimage.source.x.XWebhookSignature;
import dev.afterimage.watch.XActivityWatch;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * Where X delivers Activity API events in webhook mode ({@code afterimage.platforms.x.activity.mode=webhook}). It is
 * public, since X calls it, so nothing is believed that X has not signed with the app's consumer secret: the CRC
 * challenge is answered with the HMAC X expects, and a delivery whose {@code x-twitter-webhooks-signature} does not
 * match its body is refused with 401.
 */
@Path("/hooks/x-activity")
public class XActivityHook {

    private final Optional<XWebhookSignature> signature;
    private final XActivityWatch watch;

    XActivityHook(XActivityConfig config, XActivityWatch watch) {
        this.signature = config.consumerSecret()
                .map(String::strip)
                .filter(secret -> !secret.isEmpty())
                .map(XWebhookSignature::new);
        this.watch = watch;
    }

    /** X's CRC challenge: {@code GET ?crc_token=…} answered with {@code {"response_token":"sha256=…"}}. */
    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response challenge(@QueryParam("crc_token") String crcToken) {
        if (crcToken == null || crcToken.isBlank()) {
            throw new InvalidFieldException("crc_token", "X's CRC challenge names a crc_token");
        }
        if (signature.isEmpty()) {
            return notConfigured();
        }
        return Response.ok(Map.of("response_token", signature.get().responseToken(crcToken)))
                .build();
    }

    /** One delivery: an event envelope, or several. */
    @PermitAll
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response deliver(byte[] body, @HeaderParam(XWebhookSignature.HEADER) String signed) {
        if (signature.isEmpty()) {
            return notConfigured();
        }
        if (!signature.get().verifies(body, signed)) {
            return Response.status(Response.Status.UNAUTHORIZED)
                    .type("application/problem+json")
                    .entity(Map.of(
                            "type",
                            "about:blank",
                            "title",
                            "Unauthorized",
                            "status",
                            401,
                            "detail",
                            "the " + XWebhookSignature.HEADER + " header does not sign this body"))
                    .build();
        }
        XActivityEvent.read(body).forEach(watch::heard);
        return Response.ok().build();
    }

    private static Response notConfigured() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type("application/problem+json")
                .entity(Map.of(
                        "type", "about:blank",
                        "title", "Service Unavailable",
                        "status", 503,
                        "detail", "set afterimage.platforms.x.activity.consumer-secret to receive X's webhooks"))
                .build();
    }
}
