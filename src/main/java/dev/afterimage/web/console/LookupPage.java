package dev.afterimage.web.console;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.Post;
import dev.afterimage.security.Roles;
import dev.afterimage.web.Problem;
import dev.afterimage.web.replay.MentionOnlyException;
import dev.afterimage.web.replay.PostFinder;
import dev.afterimage.web.replay.ThirdPartyMention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Paste a post's URL, get its archived copy: the {@code /archive?url=} lookup, in the console. */
@Path("/console/lookup")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.VIEWER)
public class LookupPage {

    private final PostFinder finder;

    LookupPage(PostFinder finder) {
        this.finder = finder;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance lookup(String url, String error, List<ThirdPartyMention> mentions);
    }

    @GET
    public Response lookup(@QueryParam("url") String url, @CookieParam(CsrfToken.COOKIE) String cookie) {
        CsrfToken token = CsrfToken.of(cookie);
        if (url == null) {
            return HtmlPage.ok(Templates.lookup("", null, List.of()), token);
        }
        try {
            Post post = QuarkusTransaction.requiringNew().call(() -> finder.find(url));
            return HtmlPage.seeOther("/console/posts/" + post.id);
        } catch (InvalidFieldException e) {
            return HtmlPage.status(
                    Response.Status.BAD_REQUEST, Templates.lookup(url, e.getMessage(), List.of()), token);
        } catch (MentionOnlyException e) {
            // Said in words and with a link to each mention, so nobody takes the mention for the post.
            String detail = e.getResponse().getEntity() instanceof Problem problem ? problem.detail() : e.getMessage();
            return HtmlPage.status(Response.Status.NOT_FOUND, Templates.lookup(url, detail, e.mentions()), token);
        } catch (WebApplicationException e) {
            String detail = e.getResponse().getEntity() instanceof Problem problem ? problem.detail() : e.getMessage();
            return HtmlPage.status(Response.Status.NOT_FOUND, Templates.lookup(url, detail, List.of()), token);
        }
    }
}
