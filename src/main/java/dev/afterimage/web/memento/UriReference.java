package dev.afterimage.web.memento;

import java.nio.charset.StandardCharsets;

/**
 * A URI as it may be written between {@code <} and {@code >} in a Link header or link-format body: characters a URI
 * cannot hold (whitespace, {@code <>"}, controls, non-ASCII) are percent-encoded as UTF-8, so a stored URL can neither
 * end the target early nor split the header.
 */
final class UriReference {

    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            // unreserved, gen-delims and sub-delims of RFC 3986 section 2
            + "-._~" + ":/?#[]@" + "!$&'()*+,;=";
    private static final String HEX = "0123456789ABCDEF";

    private UriReference() {}

    /** The URI with every character a URI cannot hold percent-encoded; existing {@code %XX} escapes are kept. */
    static String safe(String uri) {
        byte[] bytes = uri.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (ALLOWED.indexOf(b) >= 0 || (b == '%' && isEscape(bytes, i))) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xF));
            }
        }
        return out.toString();
    }

    private static boolean isEscape(byte[] bytes, int percent) {
        return percent + 2 < bytes.length && isHex(bytes[percent + 1]) && isHex(bytes[percent + 2]);
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
