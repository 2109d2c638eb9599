package dev.afterimage.alert;

import dev.afterimage.InvalidFieldException;
import java.security.SecureRandom;
import java.util.Base64;

/** A signing secret in the Standard Webhooks form {@code whsec_<base64 of the key>}. */
public record WebhookSecret(String value) {

    static final String PREFIX = "whsec_";

    /** 24 bytes is the Standard Webhooks minimum; 32 matches the HMAC-SHA256 block strength. */
    private static final int GENERATED_BYTES = 32;

    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static WebhookSecret generate() {
        byte[] key = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** A secret the user chose, checked: it must be {@code whsec_} and base64 of 24 to 64 bytes. */
    public static WebhookSecret parse(String value) {
        String problem = "the secret must be \"whsec_\" followed by the base64 of " + MIN_BYTES + " to " + MAX_BYTES
                + " random bytes (leave it out to have one generated)";
        if (value == null || !value.startsWith(PREFIX)) {
            throw new InvalidFieldException("secret", problem);
        }
        try {
            int length = Base64.getDecoder().decode(value.substring(PREFIX.length())).length;
            if (length < MIN_BYTES || length > MAX_BYTES) {
                throw new InvalidFieldException("secret", problem);
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("secret", problem);
        }
        return new WebhookSecret(value);
    }

    /** The HMAC key. */
    byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    /** Enough to recognise the secret, too little to use it. */
    public String hint() {
        return PREFIX + value.substring(PREFIX.length(), PREFIX.length() + 4) + "…";
    }
}
