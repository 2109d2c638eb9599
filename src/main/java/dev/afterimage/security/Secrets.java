package dev.afterimage.security;

import dev.afterimage.hash.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets (session cookies, API tokens, keys) and the hashes they are stored as. */
final class Secrets {

    /** 256 bits: neither guessable nor worth a slow hash. */
    private static final int BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String secret) {
        return Sha256.ofText(secret);
    }
}
