package dev.afterimage.source.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed's bytes as characters, in the charset the publisher meant.
 *
 * <p>The order is RFC 7303's: a byte-order mark, then the charset of the HTTP {@code Content-Type} (a server that
 * transcodes a feed says so there, while the XML declaration inside still names the original), then the XML
 * declaration, then UTF-8, XML's default. A candidate is taken only when the bytes decode under it without error;
 * when none does, the bytes are windows-1252 (a Latin-1 file without a declaration is the usual case), which decodes
 * any byte, so no replacement character is ever stored.
 *
 * @param text the characters, without the byte-order mark
 * @param charset the charset they were decoded with, which encodes them back to the same bytes
 */
record FeedText(String text, Charset charset) {

    private static final Pattern CONTENT_TYPE_CHARSET =
            Pattern.compile(";\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static FeedText decode(byte[] body, String contentType) {
        Bom bom = Bom.of(body);
        List<Charset> candidates = new ArrayList<>();
        if (bom != null) {
            candidates.add(bom.charset());
        }
        charsetOf(contentType, CONTENT_TYPE_CHARSET).ifPresent(candidates::add);
        charsetOf(declaration(body, bom), DECLARED_ENCODING).ifPresent(candidates::add);
        candidates.add(StandardCharsets.UTF_8);
        candidates.add(WINDOWS_1252);
        int skip = bom == null ? 0 : bom.length();
        for (Charset charset : candidates) {
            String text = strictly(body, skip, charset);
            if (text != null) {
                return new FeedText(text, charset);
            }
        }
        return new FeedText(
                new String(body, skip, body.length - skip, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
    }

    private static String strictly(byte[] body, int skip, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, skip, body.length - skip))
                    .toString();
        } catch (CharacterCodingException wrongCharset) {
            return null;
        }
    }

    /** The first line, read as ASCII (or as UTF-16 where a mark or the bytes of {@code <?} say so). */
    private static String declaration(byte[] body, Bom bom) {
        int length = Math.min(body.length, 400);
        Charset charset = StandardCharsets.US_ASCII;
        int skip = 0;
        if (bom != null && bom.charset().name().startsWith("UTF-16")) {
            charset = bom.charset();
            skip = bom.length();
        } else if (length >= 4 && body[0] == 0 && body[1] == '<' && body[2] == 0 && body[3] == '?') {
            charset = StandardCharsets.UTF_16BE;
        } else if (length >= 4 && body[0] == '<' && body[1] == 0 && body[2] == '?' && body[3] == 0) {
            charset = StandardCharsets.UTF_16LE;
        } else if (bom != null) {
            skip = bom.length();
        }
        return new String(body, skip, Math.max(0, length - skip), charset).strip();
    }

    private static Optional<Charset> charsetOf(String text, Pattern pattern) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT);
        // Publishers that say Latin-1 mean windows-1252, as browsers and feedparser read it: curly quotes at 0x91-0x94.
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii")) {
            return Optional.of(WINDOWS_1252);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
            return Optional.empty();
        }
    }

    private record Bom(Charset charset, int length) {

        static Bom of(byte[] body) {
            if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (startsWith(body, 0xFE, 0xFF)) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (startsWith(body, 0xFF, 0xFE)) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            return null;
        }

        private static boolean startsWith(byte[] body, int... prefix) {
            if (body.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((body[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
