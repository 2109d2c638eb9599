package dev.afterimage.source.x;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * X's webhook security: the CRC challenge answer ({@code response_token} = {@code sha256=} + base64 of the
 * HMAC-SHA256 of {@code crc_token} keyed with the app's consumer secret) and the {@code x-twitter-webhooks-signature}
 * header of every delivery (the same, over the raw body).
 */
public final class XWebhookSignature {

    public static final String HEADER = "x-twitter-webhooks-signature";

    private final byte[] consumerSecret;

    public XWebhookSignature(String consumerSecret) {
        this.consumerSecret =
                Objects.requireNonNull(consumerSecret, "consumerSecret").getBytes(StandardCharsets.UTF_8);
        if (this.consumerSecret.length == 0) {
            throw new IllegalArgumentException("consumerSecret must not be empty");
        }
    }

    /** The {@code response_token} answering a CRC challenge. */
    public String responseToken(String crcToken) {
        return sign(crcToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the header value is X's signature of exactly these bytes; compared in constant time. */
    public boolean verifies(byte[] body, String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(body).getBytes(StandardCharsets.US_ASCII), header.strip().getBytes(StandardCharsets.US_ASCII));
    }

    String sign(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(consumerSecret, "HmacSHA256"));
            return "sha256=" + Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
