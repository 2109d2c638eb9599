package dev.afterimage.web.console;

import dev.afterimage.ConflictException;
import dev.afterimage.InvalidFieldException;
import dev.afterimage.alert.CreatedWebhook;
import dev.afterimage.alert.Delivery;
import dev.afterimage.alert.DeliveryStatus;
import dev.afterimage.alert.Webhook;
import dev.afterimage.alert.WebhookSecret;
import dev.afterimage.alert.WebhookService;
import dev.afterimage.security.AuditLog;
import dev.afterimage.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Webhook endpoints: list, add (the secret shown once), send a test, and each endpoint's delivery log. */
@Path("/console/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class WebhookPages {

    /** The newest deliveries; the API pages further back. */
    private static final int LOG_SIZE = 50;

    private final WebhookService webhooks;
    private final AuditLog audit;
    private final Clock clock;

    WebhookPages(WebhookService webhooks, AuditLog audit, Clock clock) {
        this.webhooks = webhooks;
        this.audit = audit;
        this.clock = clock;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance webhooks(
                List<WebhookRow> webhooks, WebhookForm form, WebhookRow created, String secret, CsrfToken csrf);

        static native TemplateInstance webhook(
                WebhookRow webhook, List<DeliveryRow> deliveries, String notice, CsrfToken csrf);
    }

    @GET
    public Response list(@CookieParam(CsrfToken.COOKIE) String cookie) {
        CsrfToken token = CsrfToken.of(cookie);
        return HtmlPage.ok(Templates.webhooks(rows(), WebhookForm.empty(), null, null, token), token);
    }

    /** Answers the page itself, not a redirect: it is the one time the secret is shown. */
    @POST
    @CsrfProtected
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@CookieParam(CsrfToken.COOKIE) String cookie, MultivaluedMap<String, String> fields) {
        CsrfToken token = CsrfToken.of(cookie);
        WebhookForm form = WebhookForm.read(fields);
        try {
            CreatedWebhook created = webhooks.create(form.request());
            audit.recordCaller("webhook-created", "id " + created.webhook().id + ": " + created.webhook().url);
            return HtmlPage.status(
                    Response.Status.CREATED,
                    Templates.webhooks(
                            rows(),
                            WebhookForm.empty(),
                            row(created.webhook(), clock.instant()),
                            created.secret(),
                            token),
                    token);
        } catch (InvalidFieldException e) {
            return HtmlPage.status(
                    Response.Status.BAD_REQUEST,
                    Templates.webhooks(rows(), form.withError(e.field(), e.getMessage()), null, null, token),
                    token);
        }
    }

    @GET
    @Path("/{id}")
    public Response show(
            @PathParam("id") long id,
            @QueryParam("notice") String notice,
            @CookieParam(CsrfToken.COOKIE) String cookie) {
        CsrfToken token = CsrfToken.of(cookie);
        Instant now = clock.instant();
        Webhook webhook = webhooks.get(id);
        List<DeliveryRow> log = webhooks.deliveries(id, LOG_SIZE).stream()
                .map(delivery -> delivery(delivery, now))
                .toList();
        return HtmlPage.ok(Templates.webhook(row(webhook, now), log, notice(notice), token), token);
    }

    @POST
    @CsrfProtected
    @Path("/{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response test(@PathParam("id") long id) {
        webhooks.sendTest(id);
        return HtmlPage.seeOther("/console/webhooks/" + id + "?notice=test");
    }

    @POST
    @CsrfProtected
    @Path("/deliveries/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("id") long deliveryId) {
        long webhookId = webhooks.delivery(deliveryId).webhookId;
        try {
            webhooks.retry(deliveryId);
        } catch (ConflictException e) {
            return HtmlPage.seeOther("/console/webhooks/" + webhookId + "?notice=retry-refused");
        }
        return HtmlPage.seeOther("/console/webhooks/" + webhookId + "?notice=retried");
    }

    private List<WebhookRow> rows() {
        Instant now = clock.instant();
        return webhooks.list().stream().map(webhook -> row(webhook, now)).toList();
    }

    private static WebhookRow row(Webhook webhook, Instant now) {
        return new WebhookRow(
                webhook.id,
                webhook.url,
                webhook.types().stream().sorted().map(EventFeed::title).collect(Collectors.joining(", ")),
                webhook.format.apiName(),
                webhook.enabled,
                webhook.disabledReason,
                new WebhookSecret(webhook.secret).hint(),
                Moment.of(webhook.lastSuccessAt, now),
                Moment.of(webhook.failingSince, now));
    }

    private static DeliveryRow delivery(Delivery delivery, Instant now) {
        String answer = delivery.lastStatus != null
                ? "HTTP " + delivery.lastStatus
                : delivery.lastError != null ? delivery.lastError : delivery.attempts == 0 ? "not sent yet" : null;
        if (delivery.lastStatus != null && delivery.lastError != null) {
            answer += " — " + delivery.lastError;
        }
        return new DeliveryRow(
                delivery.id,
                delivery.payloadType,
                delivery.status.name(),
                delivery.attempts,
                Moment.of(delivery.createdAt, now),
                Moment.of(delivery.lastAttemptAt, now),
                answer,
                delivery.status != DeliveryStatus.DELIVERED);
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "test" -> "Test message queued; it goes out at once. Reload to see how it went.";
            case "retried" -> "Delivery queued again with a fresh retry period.";
            case "retry-refused" -> "That delivery cannot be retried now: it was delivered, or is being sent.";
            default -> null;
        };
    }
}
