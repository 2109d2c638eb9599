package dev.afterimage.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the console's anti-CSRF tokens with a key kept in the database (shared by a cluster, kept across restarts),
 * over a random nonce and the browser's session. A token planted in a browser by a sibling site is not signed; one
 * taken from another session is signed for that session only.
 */
@ApplicationScoped
public class CsrfSigner {

    private static final String KEY_NAME = "csrf";
    private static final String HMAC = "HmacSHA256";

    private final CurrentVertxRequest request;
    private byte[] key;

    @Inject
    CsrfSigner(CurrentVertxRequest request) {
        this.request = request;
    }

    @Transactional
    void loadKey(@Observes StartupEvent start) {
        SecurityKey stored = SecurityKey.findById(KEY_NAME);
        if (stored == null) {
            stored = new SecurityKey();
            stored.name = KEY_NAME;
            stored.secret = Secrets.random();
            stored.persist();
        }
        key = Base64.getUrlDecoder().decode(stored.secret);
    }

    /** Where a request keeps the token made for it, so every form on one page carries the same one. */
    private static final String MADE = "afterimage.csrf";

    /** A fresh token, {@code nonce.signature}, for the current request's session (one per request). */
    public String fresh() {
        RoutingContext current = request.getCurrent();
        if (current != null && current.get(MADE) instanceof String made) {
            return made;
        }
        String nonce = Secrets.random().substring(0, 22);
        String token = nonce + "." + signature(nonce);
        if (current != null) {
            current.put(MADE, token);
        }
        return token;
    }

    /** Whether a token was signed here for the current request's session. */
    public boolean valid(String token) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        return MessageDigest.isEqual(
                signature(token.substring(0, dot)).getBytes(StandardCharsets.UTF_8),
                token.substring(dot + 1).getBytes(StandardCharsets.UTF_8));
    }

    private String signature(String nonce) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            byte[] signed = mac.doFinal((nonce + "|" + session()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + HMAC, e);
        }
    }

    /** The session the token is bound to, hashed; empty before login (and while the service is open). */
    private String session() {
        RoutingContext current = request.getCurrent();
        Cookie cookie = current == null ? null : current.request().getCookie(Sessions.COOKIE);
        return cookie == null ? "" : Secrets.sha256(cookie.getValue());
    }
}
