package dev.afterimage.source.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Publisher HTML as the words a reader sees and as markup safe to show in the archive. */
class HtmlTextTest {

    @Test
    void blocksAreParagraphsAndBreaksAreLines() {
        HtmlText text = HtmlText.ofHtml(
                "<h2>Title</h2><p>First   line<br>second line</p><ul><li>one</li><li>two</li></ul>", "https://x.org/");

        assertEquals("Title\n\nFirst line\nsecond line\n\none\n\ntwo", text.plain());
    }

    @Test
    void scriptsStylesAndPicturesAreDroppedAndLinksMadeAbsoluteAndInert() {
        HtmlText text = HtmlText.ofHtml(
                "<p onclick=\"x()\" style=\"color:red\">See <a href=\"/doc\">the decree</a>"
                        + "<img src=\"/p.jpg\"><script>steal()</script></p>",
                "https://gov.example.org/news/1");

        assertEquals(
                "<p>See <a href=\"https://gov.example.org/doc\" rel=\"nofollow noopener\">the decree</a></p>",
                text.html());
        assertFalse(text.plain().contains("steal"));
    }

    @Test
    void plainTextKeepsItsMarkupLikeCharactersAsWords() {
        HtmlText text = HtmlText.ofPlain("Tariffs <b>not</b> raised\nsecond line");

        assertEquals("Tariffs <b>not</b> raised\nsecond line", text.plain());
        assertTrue(text.html().contains("&lt;b&gt;"), text.html());
    }

    @Test
    void nothingIsEmpty() {
        assertEquals(HtmlText.EMPTY, HtmlText.ofHtml("  ", "https://x.org/"));
        assertEquals(HtmlText.EMPTY, HtmlText.ofPlain(null));
    }
}
