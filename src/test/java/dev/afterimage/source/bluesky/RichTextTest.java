package dev.afterimage.source.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Facets address UTF-8 bytes, not characters; the HTML is sanitised whatever the text holds. */
class RichTextTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void linkAfterMultiByteTextLandsOnTheRightWords() throws Exception {
        String text = "Сводка 🤯 see example.com now";
        int start = "Сводка 🤯 see ".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        JsonNode facets = json.readTree("[{\"index\":{\"byteStart\":" + start + ",\"byteEnd\":" + (start + 11)
                + "},\"features\":[{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\"https://example.com/a\"}]}]");

        assertEquals(
                "Сводка 🤯 see <a href=\"https://example.com/a\" rel=\"nofollow\">example.com</a> now",
                RichText.html(text, facets));
    }

    @Test
    void markupInTheTextIsEscapedAndLineBreaksKept() throws Exception {
        assertEquals(
                "&lt;script&gt;alert(1)&lt;/script&gt;<br>second line",
                RichText.html("<script>alert(1)</script>\nsecond line", json.readTree("[]")));
    }

    @Test
    void facetOutsideTheTextOrWithAnUnsafeLinkIsDropped() throws Exception {
        JsonNode facets = json.readTree("[{\"index\":{\"byteStart\":0,\"byteEnd\":99},\"features\":"
                + "[{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\"https://example.com\"}]},"
                + "{\"index\":{\"byteStart\":0,\"byteEnd\":4},\"features\":"
                + "[{\"$type\":\"app.bsky.richtext.facet#link\",\"uri\":\"javascript:alert(1)\"}]}]");

        assertEquals("<a rel=\"nofollow\">text</a> here", RichText.html("text here", facets));
    }

    /** jsoup marks only links off bsky.app as nofollow. */
    @Test
    void mentionLinksToTheProfile() throws Exception {
        JsonNode facets = json.readTree("[{\"index\":{\"byteStart\":0,\"byteEnd\":5},\"features\":"
                + "[{\"$type\":\"app.bsky.richtext.facet#mention\",\"did\":\"did:plc:abc\"}]}]");

        assertEquals(
                "<a href=\"https://bsky.app/profile/did:plc:abc\">@rose</a> hi", RichText.html("@rose hi", facets));
    }
}
