package dev.afterimage.web.api;

import dev.afterimage.alert.WebhookService;
import dev.afterimage.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One delivery: its log, and a retry by hand. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class DeliveryResource {

    private final WebhookService webhooks;

    DeliveryResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Path("/{id}")
    @Transactional
    public DeliveryView get(@PathParam("id") long id) {
        return DeliveryView.of(webhooks.delivery(id));
    }

    /** Sends a failed (or waiting) delivery again now, with a fresh retry period; same message id. */
    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public DeliveryView retry(@PathParam("id") long id) {
        return DeliveryView.of(webhooks.retry(id));
    }
}
