package dev.afterimage.web.console;

import dev.afterimage.InstanceConfig;
import dev.afterimage.security.Sessions;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;
import java.net.URI;

/** The console's session cookie: HttpOnly, SameSite=Lax, and Secure whenever the browser reached us over https. */
final class ConsoleCookies {

    private ConsoleCookies() {}

    static NewCookie session(String secret, HttpServerRequest request) {
        return new NewCookie.Builder(Sessions.COOKIE)
                .value(secret)
                .path("/")
                .httpOnly(true)
                .secure(https(request))
                // Lax: a console link opened from mail or chat arrives signed in; a cross-site POST arrives without it.
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    static NewCookie expiredSession(HttpServerRequest request) {
        return new NewCookie.Builder(Sessions.COOKIE)
                .value("")
                .path("/")
                .httpOnly(true)
                .secure(https(request))
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(0)
                .build();
    }

    /** Over https itself, or through a proxy (forwarding on) that says so, or by the https public URL's name. */
    private static boolean https(HttpServerRequest request) {
        if ("https".equalsIgnoreCase(request.scheme())) {
            return true;
        }
        URI publicUrl =
                URI.create(Arc.container().instance(InstanceConfig.class).get().publicUrl());
        String host = request.getHeader("Host");
        return "https".equalsIgnoreCase(publicUrl.getScheme())
                && host != null
                && host.replaceFirst(":\\d+$", "").equalsIgnoreCase(publicUrl.getHost());
    }

    /** The CSRF cookie of the request being answered. */
    static String csrf() {
        var current = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        Cookie cookie = current == null ? null : current.request().getCookie(CsrfToken.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }
}
