package dev.afterimage.web.api;

import dev.afterimage.alert.CreatedWebhook;
import dev.afterimage.alert.WebhookPatch;
import dev.afterimage.alert.WebhookRequest;
import dev.afterimage.alert.WebhookService;
import dev.afterimage.security.AuditLog;
import dev.afterimage.security.Roles;
import dev.afterimage.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Webhook endpoints: where alerts go, and the log of what was sent there. */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final WebhookService webhooks;
    private final AuditLog audit;

    WebhookResource(WebhookService webhooks, AuditLog audit) {
        this.webhooks = webhooks;
        this.audit = audit;
    }

    /** Answers the secret this once; afterwards only its hint is shown. */
    @POST
    public Response create(WebhookRequest request, UriInfo uri) {
        if (request == null) {
            throw new BadRequestException(
                    Problem.response(Response.Status.BAD_REQUEST, "a JSON body is required", null));
        }
        CreatedWebhook created = webhooks.create(request);
        audit.recordCaller("webhook-created", "id " + created.webhook().id + ": " + created.webhook().url);
        WebhookView view = WebhookView.of(created.webhook(), created.secret());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(view.id()))
                        .build())
                .entity(view)
                .build();
    }

    @GET
    @Transactional
    public List<WebhookView> list() {
        return webhooks.list().stream().map(WebhookView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public WebhookView get(@PathParam("id") long id) {
        return WebhookView.of(webhooks.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Transactional
    public WebhookView update(@PathParam("id") long id, WebhookPatch patch) {
        if (patch == null) {
            throw new BadRequestException(
                    Problem.response(Response.Status.BAD_REQUEST, "a JSON body is required", null));
        }
        WebhookView updated = WebhookView.of(webhooks.update(id, patch));
        audit.recordCaller("webhook-changed", "id " + id);
        return updated;
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id);
        audit.recordCaller("webhook-deleted", "id " + id);
        return Response.noContent().build();
    }

    /** Sends a signed test message now; answers its delivery, whose log shows how it went. */
    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public Response test(@PathParam("id") long id) {
        return Response.accepted(DeliveryView.of(webhooks.sendTest(id))).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Transactional
    public List<DeliveryView> deliveries(@PathParam("id") long id, @QueryParam("limit") String limit) {
        return webhooks.deliveries(id, QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT)).stream()
                .map(DeliveryView::of)
                .toList();
    }
}
