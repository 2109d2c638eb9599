package dev.afterimage.web.console;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The console's guard against cross-site form posts (double-submit cookie): every page sets a random token in a
 * SameSite=Strict cookie and repeats it in a hidden form field; a post is accepted only when the two match. Another
 * site can make a browser post a form, but can neither read nor set this cookie.
 *
 * @param value the token, URL-safe base64
 * @param fresh whether the browser does not have it yet (the page must set the cookie)
 */
public record CsrfToken(String value, boolean fresh) {

    static final String COOKIE = "afterimage-csrf";
    static final String FIELD = "csrf";

    /** 128 bits: unguessable. */
    private static final int BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The browser's token, or a new one when it sent none (or one not of ours). */
    static CsrfToken of(String cookie) {
        if (cookie != null && cookie.matches("[A-Za-z0-9_-]{22}")) {
            return new CsrfToken(cookie, false);
        }
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new CsrfToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
    }

    /** Refuses a post whose form token is missing or is not the cookie's. */
    static void verify(String cookie, String field) {
        if (cookie == null
                || field == null
                || !MessageDigest.isEqual(
                        cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException(
                    "the form is stale or was not sent from this console: reload the page and try again");
        }
    }

    NewCookie cookie() {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path("/")
                .httpOnly(true)
                // Lax, not Strict: a console link opened from mail or chat must still carry the token, or every
                // other open tab's forms would turn stale; a cross-site POST still arrives without it.
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }
}
