package dev.afterimage.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.afterimage.hash.Sha256;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDigestTest {

    private static final byte[] BODY = "<rss>one entry</rss>".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBodyAloneIsDigestedWithItsLengthAhead() {
        PageDigest digest = PageDigest.of(BODY);

        assertEquals(digest, PageDigest.of(BODY.clone()));
        assertNotEquals(Sha256.of(BODY), digest.sha256(), "framed, so no page's digest is a plain hash of bytes");
    }

    @Test
    void theInputsABodyIsReadWithArePartOfItsDigest() {
        PageDigest digest = PageDigest.of(BODY, "https://example.org/feed", "application/rss+xml");

        assertEquals(digest, PageDigest.of(BODY, "https://example.org/feed", "application/rss+xml"));
        assertNotEquals(digest, PageDigest.of(BODY, "https://example.org/other", "application/rss+xml"));
        assertNotEquals(digest, PageDigest.of(BODY, "https://example.org/feed", "text/xml; charset=iso-8859-1"));
        assertNotEquals(digest, PageDigest.of(BODY));
    }

    @Test
    void inputsCannotRunIntoEachOther() {
        assertNotEquals(PageDigest.of(BODY, "ab", "c"), PageDigest.of(BODY, "a", "bc"));
        assertNotEquals(
                PageDigest.of("c".getBytes(StandardCharsets.UTF_8), "ab"),
                PageDigest.of("bc".getBytes(StandardCharsets.UTF_8), "a"));
    }

    @Test
    void anUnknownContentTypeIsAnInputLikeAnother() {
        assertEquals(
                PageDigest.of(BODY, "https://example.org/feed", null),
                PageDigest.of(BODY, "https://example.org/feed", null));
        assertNotEquals(
                PageDigest.of(BODY, "https://example.org/feed", null),
                PageDigest.of(BODY, "https://example.org/feed", ""));
    }

    @Test
    void aDigestIsSixtyFourLowerCaseHexDigits() {
        assertThrows(IllegalArgumentException.class, () -> new PageDigest("ABC"));
    }
}
