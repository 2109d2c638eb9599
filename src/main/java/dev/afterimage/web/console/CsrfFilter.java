package dev.afterimage.web.console;

import jakarta.ws.rs.core.Cookie;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The one check of every {@link CsrfProtected} console post, url-encoded or multipart: the form's token must be
 * the cookie's and signed for this browser's session, or the post is refused with 403 before anything runs.
 */
public class CsrfFilter {

    @ServerRequestFilter
    @WithFormRead
    @CsrfProtected
    public void check(ResteasyReactiveContainerRequestContext request) {
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        Object field = context.getFormParameter(CsrfToken.FIELD, true, false);
        Cookie cookie = request.getCookies().get(CsrfToken.COOKIE);
        CsrfToken.verify(cookie == null ? null : cookie.getValue(), field instanceof String text ? text : null);
    }
}
