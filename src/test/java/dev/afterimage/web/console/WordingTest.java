package dev.afterimage.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.detect.PollOutcome;
import dev.afterimage.source.Platform;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WordingTest {

    @Test
    void intervalsAreSaidAsAResearcherSetsThem() {
        assertEquals("every minute", Wording.every(Duration.ofMinutes(1)));
        assertEquals("every 5 minutes", Wording.every(Duration.ofMinutes(5)));
        assertEquals("every 2 hours", Wording.every(Duration.ofHours(2)));
        assertEquals("every 1 hour 30 minutes", Wording.every(Duration.ofMinutes(90)));
        assertEquals("every 45 seconds", Wording.every(Duration.ofSeconds(45)));
        assertEquals("every day", Wording.every(Duration.ofDays(1)));
    }

    @Test
    void pollOutcomesAreWordsNotCodes() {
        assertEquals("read in full", Wording.outcome(PollOutcome.OK));
        assertEquals("read in part", Wording.outcome(PollOutcome.PARTIAL));
        assertEquals("account gone", Wording.outcome(PollOutcome.ACCOUNT_GONE));
        assertEquals("failed", Wording.outcome(PollOutcome.UNKNOWN));
        assertEquals("not polled yet", Wording.outcome(null));
    }

    @Test
    void anUnknownHostIsCalledANetworkError() {
        assertEquals(
                "network error (unknown host t.me); 1 post skipped",
                Wording.reason("unknown host: t.me; 1 post skipped"));
    }

    @Test
    void aReasonCarryingAnHtmlPageBecomesOneShortLineOfText() {
        String page = "<html><head><title>502</title><script>alert(1)</script></head><body>\n<h1>Bad   Gateway</h1>"
                + "<p>" + "upstream ".repeat(60) + "</p></body></html>";

        String reason = Wording.reason("HTTP 502: " + page);

        assertTrue(reason.startsWith("HTTP 502: 502 Bad Gateway upstream"), reason);
        assertTrue(!reason.contains("<") && !reason.contains("alert"), reason);
        assertEquals(Wording.MAX_REASON_LENGTH, reason.length(), reason);
        assertTrue(reason.endsWith("…"), reason);
    }

    @Test
    void noReasonIsNoReason() {
        assertNull(Wording.reason(null));
        assertNull(Wording.reason("  "));
    }

    @Test
    void feedsAreNamedByTheirAddressAndHandlesByTheirAtSign() {
        assertEquals("@mod_russia", Wording.accountName(Platform.TELEGRAM, null, "mod_russia"));
        assertEquals("Ministry", Wording.accountName(Platform.TELEGRAM, "Ministry", "mod_russia"));
        assertEquals("example.org/feed.xml", Wording.accountName(Platform.RSS, null, "https://example.org/feed.xml"));
        assertEquals("example.org/news", Wording.handle(Platform.WEB, "https://example.org/news/"));
    }
}
