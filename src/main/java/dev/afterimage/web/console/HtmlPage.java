package dev.afterimage.web.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * A console page as an HTTP answer: rendered here (so its time counts in Server-Timing), under a policy that lets
 * only the console's own script, styles and images run, with the CSRF cookie set when the browser lacks it.
 */
final class HtmlPage {

    /** Only same-origin resources; archived HTML is sanitised, and this stops anything that slipped through. */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " media-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private HtmlPage() {}

    static Response ok(TemplateInstance page, CsrfToken token) {
        return status(Response.Status.OK, page, token);
    }

    static Response status(Response.Status status, TemplateInstance page, CsrfToken token) {
        Response.ResponseBuilder response = Response.status(status)
                .entity(page.render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
        if (token.fresh()) {
            response.cookie(token.cookie());
        }
        return response.build();
    }

    /** After a successful post: back to a page by GET, so a reload does not repeat the action. */
    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
