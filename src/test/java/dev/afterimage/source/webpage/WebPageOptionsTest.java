package dev.afterimage.source.webpage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.InvalidFieldException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which selector settings an account may be added with, and which field a bad one is reported on. */
class WebPageOptionsTest {

    @Test
    void validOptionsAreStrippedAndEmptyOptionalOnesDropped() {
        Map<String, String> valid = WebPageOptions.validate(Map.of(
                "item", " article.news ",
                "link", "h2 a",
                "date", "time",
                "body", "",
                "dateFormat", "dd.MM.yyyy"));

        assertEquals(Map.of("item", "article.news", "link", "h2 a", "date", "time", "dateFormat", "dd.MM.yyyy"), valid);
    }

    @Test
    void emptyLinkMeansTheItemIsTheLinkAndIsKept() {
        assertEquals(
                Map.of("item", "a.news", "link", ""), WebPageOptions.validate(Map.of("item", "a.news", "link", "")));
    }

    @Test
    void itemIsRequired() {
        assertEquals("options.item", refused(Map.of("link", "a")).field());
        assertEquals("options.item", refused(Map.of("item", " ", "link", "a")).field());
    }

    @Test
    void linkIsRequired() {
        InvalidFieldException refused = refused(Map.of("item", "article"));

        assertEquals("options.link", refused.field());
        assertTrue(refused.getMessage().contains("\"\""), refused.getMessage());
    }

    @Test
    void everySelectorMustParse() {
        assertEquals(
                "options.item", refused(Map.of("item", "div[", "link", "a")).field());
        assertEquals(
                "options.notFound",
                refused(Map.of("item", "li", "link", "a", "notFound", "h1:bogus("))
                        .field());
        assertEquals(
                "options.nextPage",
                refused(Map.of("item", "li", "link", "a", "nextPage", ">>")).field());
    }

    @Test
    void dateFormatMustBeAPattern() {
        assertEquals(
                "options.dateFormat",
                refused(Map.of("item", "li", "link", "a", "dateFormat", "dd.MM.yyyy{"))
                        .field());
    }

    @Test
    void unknownOptionsAreRefused() {
        assertEquals(
                "options.selector",
                refused(Map.of("item", "li", "link", "a", "selector", "x")).field());
    }

    private static InvalidFieldException refused(Map<String, String> options) {
        return assertThrows(InvalidFieldException.class, () -> WebPageOptions.validate(options));
    }
}
