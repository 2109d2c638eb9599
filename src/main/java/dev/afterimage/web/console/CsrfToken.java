package dev.afterimage.web.console;

import dev.afterimage.security.CsrfSigner;
import io.quarkus.arc.Arc;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.NewCookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The console's guard against cross-site form posts (signed double-submit): every page sets a token in a cookie and
 * repeats it in a hidden form field; a post is accepted only when the two match and the token carries this service's
 * signature for the browser's session. Another site can make a browser post a form, but can neither read the cookie
 * nor sign a token of its own.
 *
 * @param value the token, {@code nonce.signature} in URL-safe base64
 * @param fresh whether the browser does not have it yet (the page must set the cookie)
 */
public record CsrfToken(String value, boolean fresh) {

    static final String COOKIE = "afterimage-csrf";
    static final String FIELD = "csrf";

    /** The browser's token, or a new one when it sent none, or one not signed here for its session. */
    static CsrfToken of(String cookie) {
        CsrfSigner signer = signer();
        if (cookie != null && signer.valid(cookie)) {
            return new CsrfToken(cookie, false);
        }
        return new CsrfToken(signer.fresh(), true);
    }

    /** Refuses a post whose form token is missing, is not the cookie's, or is not signed for this session. */
    static void verify(String cookie, String field) {
        if (cookie == null
                || field == null
                || !MessageDigest.isEqual(
                        cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))
                || !signer().valid(field)) {
            throw new ForbiddenException(
                    "the form is stale or was not sent from this console: reload the page and try again");
        }
    }

    private static CsrfSigner signer() {
        return Arc.container().instance(CsrfSigner.class).get();
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
