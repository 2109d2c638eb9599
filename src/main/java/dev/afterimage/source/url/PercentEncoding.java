package dev.afterimage.source.url;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/** Percent-decoding of URL parts as UTF-8, strict: a broken escape or invalid UTF-8 gives nothing, not a guess. */
final class PercentEncoding {

    private PercentEncoding() {}

    /** Decodes {@code %XX} escapes; {@code +} stays a plus, as it does in a path. */
    static Optional<String> decode(String text) {
        if (text.indexOf('%') < 0) {
            return Optional.of(text);
        }
        StringBuilder decoded = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '%') {
                decoded.append(text.charAt(i++));
                continue;
            }
            // Consecutive escapes are decoded together: one character may take several UTF-8 bytes.
            ByteBuffer bytes = ByteBuffer.allocate(text.length() / 3);
            while (i < text.length() && text.charAt(i) == '%') {
                if (i + 3 > text.length()
                        || !HexFormat.isHexDigit(text.charAt(i + 1))
                        || !HexFormat.isHexDigit(text.charAt(i + 2))) {
                    return Optional.empty();
                }
                bytes.put((byte) HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 3;
            }
            try {
                decoded.append(StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(bytes.flip()));
            } catch (CharacterCodingException notUtf8) {
                return Optional.empty();
            }
        }
        return Optional.of(decoded.toString());
    }
}
