package dev.afterimage.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Pages as a hostile or broken source serves them, for property tests of the parsers: real captures with bytes
 * flipped, cut short, slices repeated, and values inserted that a careless publisher sends (a link of thousands of
 * characters, a date in year -999999999, a NUL, an id longer than any column).
 */
public final class MutatedPages {

    private static final List<String> HOSTILE = List.of(
            "x".repeat(3000),
            "<link>https://example.org/" + "a".repeat(2100) + "</link>",
            "<link href=\"https://example.org/" + "b".repeat(2100) + "\"/>",
            "<pubDate>-999999999-01-01T00:00:00Z</pubDate>",
            "<published>+999999999-12-31T23:59:59Z</published>",
            "<updated>0000-01-01T00:00:00Z</updated>",
            "<guid>" + "g".repeat(400) + "</guid>",
            "<id>" + "i".repeat(300) + "\u0000</id>",
            "<enclosure url=\"https://example.org/" + "u".repeat(9000) + ".jpg\" type=\"image/jpeg\"/>",
            "\u0000",
            "&#0;&#xD800;&#x10FFFF;",
            "<item><title>t</title><link>https://example.org/1</link></item>",
            "<entry><id>e</id><title>t</title></entry>",
            "<![CDATA[",
            "]]>",
            "<div class=\"tgme_widget_message\" data-post=\"channel/" + "9".repeat(40) + "\">",
            "<time datetime=\"-999999999-01-01T00:00:00+00:00\">",
            "<a class=\"tgme_widget_message_photo_wrap\" style=\"background-image:url('https://example.org/"
                    + "p".repeat(5000) + "')\"></a>",
            "<span class=\"tgme_widget_message_views\">" + "9".repeat(500) + "</span>");

    private static final List<String> POST_STARTS =
            List.of("<item", "<entry", "class=\"tgme_widget_message ", "class=\"tgme_widget_message_text", "<article");

    private MutatedPages() {}

    /** One edit of a page: what to do, where (a position modulo the page's length), and with which value. */
    private record Edit(int kind, int position, int value) {}

    /** Real pages (or, where none are present, an empty page) mutated by up to eight edits. */
    public static Arbitrary<byte[]> of(List<byte[]> pages) {
        Arbitrary<byte[]> seeds = pages.isEmpty() ? Arbitraries.just(new byte[0]) : Arbitraries.of(pages);
        Arbitrary<Edit> edit = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().greaterOrEqual(0),
                        Arbitraries.integers().greaterOrEqual(0))
                .as(Edit::new);
        return Combinators.combine(seeds, edit.list().ofMaxSize(8)).as(MutatedPages::apply);
    }

    /** Bytes of no format at all. */
    public static Arbitrary<byte[]> random() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
    }

    private static byte[] apply(byte[] page, List<Edit> edits) {
        byte[] bytes = page;
        for (Edit edit : edits) {
            int at = bytes.length == 0 ? 0 : edit.position() % bytes.length;
            bytes = switch (edit.kind()) {
                case 0 -> flip(bytes, at, edit.value());
                case 1 ->
                    insert(
                            bytes,
                            insideAPost(bytes, edit.position()),
                            HOSTILE.get(edit.value() % HOSTILE.size()).getBytes(StandardCharsets.UTF_8));
                case 2 -> java.util.Arrays.copyOf(bytes, at);
                case 3 -> insert(bytes, at, slice(bytes, edit.value()));
                default -> insert(bytes, at, new byte[] {(byte) edit.value()});
            };
        }
        return bytes;
    }

    /**
     * A position just inside one of the page's posts (after the opening tag of an RSS item, an Atom entry, a Telegram
     * message or an article), where a hostile value lands in a post rather than in markup no parser reads.
     */
    private static int insideAPost(byte[] bytes, int choice) {
        String page = new String(bytes, StandardCharsets.ISO_8859_1);
        List<Integer> starts = new java.util.ArrayList<>();
        for (String anchor : POST_STARTS) {
            for (int at = page.indexOf(anchor); at >= 0; at = page.indexOf(anchor, at + 1)) {
                int end = page.indexOf('>', at);
                if (end >= 0) {
                    starts.add(end + 1);
                }
            }
        }
        if (starts.isEmpty()) {
            return bytes.length == 0 ? 0 : choice % bytes.length;
        }
        return starts.get(choice % starts.size());
    }

    private static byte[] flip(byte[] bytes, int at, int value) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static byte[] slice(byte[] bytes, int value) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = value % bytes.length;
        return java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + 2048));
    }

    private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }
}
