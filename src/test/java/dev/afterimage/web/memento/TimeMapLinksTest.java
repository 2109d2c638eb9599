package dev.afterimage.web.memento;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.afterimage.web.memento.LinkReader.Link;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Link headers and link-format TimeMap against the figures of RFC 7089 (arxiv.example.net is the RFC's example
 * archive), then link by link for every position in TimeMaps of one, two and five mementos.
 */
class TimeMapLinksTest {

    /** RFC 7089 section 5, the link-format TimeMap of http://a.example.org, verbatim up to its "...". */
    private static final String RFC_TIMEMAP =
            """
            <http://a.example.org>;rel="original",
            <http://arxiv.example.net/timemap/http://a.example.org>
              ; rel="self";type="application/link-format"
              ; from="Tue, 20 Jun 2000 18:02:59 GMT"
              ; until="Wed, 09 Apr 2008 20:30:51 GMT",
            <http://arxiv.example.net/timegate/http://a.example.org>
              ; rel="timegate",
            <http://arxiv.example.net/web/20000620180259/http://a.example.org>
              ; rel="first memento";datetime="Tue, 20 Jun 2000 18:02:59 GMT"
              ; license="http://creativecommons.org/publicdomain/zero/1.0/",
            <http://arxiv.example.net/web/20091027204954/http://a.example.org>
               ; rel="last memento";datetime="Tue, 27 Oct 2009 20:49:54 GMT"
               ; license="http://creativecommons.org/publicdomain/zero/1.0/",
            <http://arxiv.example.net/web/20000621011731/http://a.example.org>
              ; rel="memento";datetime="Wed, 21 Jun 2000 01:17:31 GMT"
              ; license="http://creativecommons.org/publicdomain/zero/1.0/",
            <http://arxiv.example.net/web/20000621044156/http://a.example.org>
              ; rel="memento";datetime="Wed, 21 Jun 2000 04:41:56 GMT"
              ; license="http://creativecommons.org/publicdomain/zero/1.0/",
            """;

    /** RFC 7089 section 4.2.1, the Link header of the TimeGate's 302 for http://a.example.org/. */
    private static final String RFC_TIMEGATE_LINK =
            """
            <http://a.example.org/>; rel="original",
             <http://arxiv.example.net/timemap/http://a.example.org/>
               ; rel="timemap"; type="application/link-format"
               ; from="Tue, 15 Sep 2000 11:28:26 GMT"
               ; until="Wed, 20 Jan 2010 09:34:33 GMT"
            """;

    /** RFC 7089 section 4.2.1, the Link header of the memento the 302 led to. */
    private static final String RFC_MEMENTO_LINK =
            """
            <http://a.example.org/>; rel="original",
             <http://arxiv.example.net/timemap/http://a.example.org/>
               ; rel="timemap"; type="application/link-format",
             <http://arxiv.example.net/timegate/http://a.example.org/>
               ; rel="timegate"
            """;

    /** RFC 7089 section 4.4, the memento link of an original resource with a single memento. */
    private static final String RFC_ONLY_MEMENTO_LINK =
            """
             <http://arxiv.example.net/web/20010321203610/http://a.example.org/>
               ; rel="first last memento"
               ; datetime="Wed, 21 Mar 2001 20:36:10 GMT"
            """;

    private static final String ARCHIVE = "http://arxiv.example.net";

    @Test
    void linkFormatMatchesTheRfcTimeMapExample() {
        TimeMap timeMap = arxiv(
                "http://a.example.org",
                "2000-06-20T18:02:59Z",
                "2000-06-21T01:17:31Z",
                "2000-06-21T04:41:56Z",
                "2009-10-27T20:49:54Z");
        // Set aside, as properties of the figure rather than of the format: it lists first and last ahead of the
        // rest, carries a license Afterimage does not serve, and its until (2008) predates its own last memento.
        String rfc = RFC_TIMEMAP
                .replaceAll(";\\s*license=\"[^\"]*\"", "")
                .replace("Wed, 09 Apr 2008 20:30:51 GMT", "Tue, 27 Oct 2009 20:49:54 GMT");
        assertEquals(linksModuloWhitespaceAndOrder(rfc), linksModuloWhitespaceAndOrder(timeMap.linkFormat()));
    }

    @Test
    void linkFormatIsOneLinkPerLineOldestMementoFirst() {
        TimeMap timeMap =
                arxiv("http://a.example.org", "2000-06-20T18:02:59Z", "2000-06-21T01:17:31Z", "2009-10-27T20:49:54Z");
        assertEquals(
                """
                <http://a.example.org>; rel="original",
                <http://arxiv.example.net/timegate/http://a.example.org>; rel="timegate",
                <http://arxiv.example.net/timemap/http://a.example.org>; rel="self"; type="application/link-format"; \
                from="Tue, 20 Jun 2000 18:02:59 GMT"; until="Tue, 27 Oct 2009 20:49:54 GMT",
                <http://arxiv.example.net/web/20000620180259/http://a.example.org>; rel="first memento"; \
                datetime="Tue, 20 Jun 2000 18:02:59 GMT",
                <http://arxiv.example.net/web/20000621011731/http://a.example.org>; rel="memento"; \
                datetime="Wed, 21 Jun 2000 01:17:31 GMT",
                <http://arxiv.example.net/web/20091027204954/http://a.example.org>; rel="last memento"; \
                datetime="Tue, 27 Oct 2009 20:49:54 GMT\"""",
                timeMap.linkFormat());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void linkFormatListsEveryMementoWithTheEndsMarked(int count) {
        TimeMap timeMap = arxivOf(count);
        List<Link> links = LinkReader.read(timeMap.linkFormat());

        assertEquals(3 + count, links.size());
        assertEquals(new Link(timeMap.original(), Set.of("original"), Map.of("rel", "original")), links.get(0));
        assertEquals(new Link(timeMap.timegate(), Set.of("timegate"), Map.of("rel", "timegate")), links.get(1));
        Link self = links.get(2);
        assertEquals(timeMap.self(), self.uri());
        assertEquals(
                Map.of(
                        "rel",
                        "self",
                        "type",
                        "application/link-format",
                        "from",
                        MementoTimestamps.httpDate(timeMap.first().datetime()),
                        "until",
                        MementoTimestamps.httpDate(timeMap.last().datetime())),
                self.attributes());
        for (int i = 0; i < count; i++) {
            Memento memento = timeMap.mementos().get(i);
            Set<String> rels = new LinkedHashSet<>(Set.of("memento"));
            if (i == 0) {
                rels.add("first");
            }
            if (i == count - 1) {
                rels.add("last");
            }
            assertMementoLink(memento, rels, links.get(3 + i));
        }
    }

    @Test
    void singleMementoIsFirstLastMementoInTheTimeMap() {
        TimeMap timeMap = arxiv("http://a.example.org/", "2001-03-21T20:36:10Z");
        String mementoLine = timeMap.linkFormat().lines().toList().getLast();
        assertEquals(withoutWhitespace(RFC_ONLY_MEMENTO_LINK), withoutWhitespace(mementoLine));
    }

    @Test
    void mementoLinkHeaderMatchesTheRfcMementoResponse() {
        TimeMap timeMap =
                arxiv("http://a.example.org/", "2000-09-15T11:28:26Z", "2001-03-21T20:36:10Z", "2010-01-20T09:34:33Z");
        Memento served = timeMap.mementos().get(1);
        // The RFC's figure shows the required links; the first, last and neighbouring mementos follow them.
        String expected = RFC_MEMENTO_LINK
                + """
                , <http://arxiv.example.net/web/20000915112826/http://a.example.org/>
                  ; rel="prev first memento"; datetime="Fri, 15 Sep 2000 11:28:26 GMT",
                <http://arxiv.example.net/web/20010321203610/http://a.example.org/>
                  ; rel="memento"; datetime="Wed, 21 Mar 2001 20:36:10 GMT",
                <http://arxiv.example.net/web/20100120093433/http://a.example.org/>
                  ; rel="next last memento"; datetime="Wed, 20 Jan 2010 09:34:33 GMT"
                """;
        assertEquals(withoutWhitespace(expected), withoutWhitespace(timeMap.mementoLinkHeader(served)));
    }

    @Test
    void mementoLinkHeaderOfTheOnlyMementoMatchesTheRfc() {
        TimeMap timeMap = arxiv("http://a.example.org/", "2001-03-21T20:36:10Z");
        String expected = RFC_MEMENTO_LINK + "," + RFC_ONLY_MEMENTO_LINK;
        assertEquals(withoutWhitespace(expected), withoutWhitespace(timeMap.mementoLinkHeader(timeMap.first())));
    }

    @Test
    void mementoLinkHeadersOfTwoMementosCombineTheirRelations() {
        TimeMap timeMap = arxiv("http://a.example.org/", "2000-09-15T11:28:26Z", "2010-01-20T09:34:33Z");
        String first = "<http://arxiv.example.net/web/20000915112826/http://a.example.org/>";
        String last = "<http://arxiv.example.net/web/20100120093433/http://a.example.org/>";

        String ofFirst = timeMap.mementoLinkHeader(timeMap.first());
        assertEquals(
                List.of(
                        first + "; rel=\"first memento\"; datetime=\"Fri, 15 Sep 2000 11:28:26 GMT\"",
                        last + "; rel=\"next last memento\"; datetime=\"Wed, 20 Jan 2010 09:34:33 GMT\""),
                mementoLinksOf(ofFirst));

        String ofLast = timeMap.mementoLinkHeader(timeMap.last());
        assertEquals(
                List.of(
                        first + "; rel=\"prev first memento\"; datetime=\"Fri, 15 Sep 2000 11:28:26 GMT\"",
                        last + "; rel=\"last memento\"; datetime=\"Wed, 20 Jan 2010 09:34:33 GMT\""),
                mementoLinksOf(ofLast));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void mementoLinkHeaderNamesTheEndsAndNeighboursOfEveryMemento(int count) {
        TimeMap timeMap = arxivOf(count);
        for (int position = 0; position < count; position++) {
            Memento served = timeMap.mementos().get(position);
            List<Link> links = LinkReader.read(timeMap.mementoLinkHeader(served));

            assertEquals(new Link(timeMap.original(), Set.of("original"), Map.of("rel", "original")), links.get(0));
            assertEquals(
                    new Link(
                            timeMap.self(),
                            Set.of("timemap"),
                            Map.of("rel", "timemap", "type", "application/link-format")),
                    links.get(1));
            assertEquals(new Link(timeMap.timegate(), Set.of("timegate"), Map.of("rel", "timegate")), links.get(2));

            Map<Integer, Set<String>> roles = new LinkedHashMap<>();
            role(roles, 0, "first");
            role(roles, position - 1, "prev");
            role(roles, position, "memento");
            role(roles, position + 1, "next");
            role(roles, count - 1, "last");
            roles.keySet().removeIf(i -> i < 0 || i >= count);
            List<Integer> shown = roles.keySet().stream().sorted().toList();

            assertEquals(3 + shown.size(), links.size(), "links of memento " + position + " of " + count);
            for (int k = 0; k < shown.size(); k++) {
                int i = shown.get(k);
                assertMementoLink(timeMap.mementos().get(i), roles.get(i), links.get(3 + k));
            }
        }
    }

    @Test
    void mementoLinkHeaderRefusesAMementoOfAnotherTimeMap() {
        TimeMap timeMap = arxivOf(2);
        Memento stranger = new Memento(Instant.parse("2005-01-01T00:00:00Z"), ARCHIVE + "/web/20050101000000/x");
        assertThrows(IllegalArgumentException.class, () -> timeMap.mementoLinkHeader(stranger));
    }

    @Test
    void timeGateLinkHeaderMatchesTheRfcRedirect() {
        TimeMap timeMap =
                arxiv("http://a.example.org/", "2000-09-15T11:28:26Z", "2001-03-21T20:36:10Z", "2010-01-20T09:34:33Z");
        // The figure's from is "Tue, 15 Sep 2000", a Friday; Afterimage writes the weekday the date has.
        String expected = RFC_TIMEGATE_LINK.replace("Tue, 15 Sep 2000", "Fri, 15 Sep 2000")
                + """
                , <http://arxiv.example.net/web/20000915112826/http://a.example.org/>
                  ; rel="first memento"; datetime="Fri, 15 Sep 2000 11:28:26 GMT",
                <http://arxiv.example.net/web/20100120093433/http://a.example.org/>
                  ; rel="last memento"; datetime="Wed, 20 Jan 2010 09:34:33 GMT"
                """;
        assertEquals(withoutWhitespace(expected), withoutWhitespace(timeMap.timeGateLinkHeader()));
    }

    @Test
    void timeGateLinkHeaderOfTheOnlyMementoNamesItOnce() {
        TimeMap timeMap = arxiv("http://a.example.org/", "2001-03-21T20:36:10Z");
        List<Link> links = LinkReader.read(timeMap.timeGateLinkHeader());
        assertEquals(3, links.size());
        assertMementoLink(timeMap.first(), Set.of("first", "last", "memento"), links.get(2));
    }

    @Test
    void uriThatWouldBreakALinkIsPercentEncoded() {
        String hostile = "https://t.me/s/a b>c\"d<e\r\nSet-Cookie: x/ü/100%/%20kept";
        String safe = "https://t.me/s/a%20b%3Ec%22d%3Ce%0D%0ASet-Cookie:%20x/%C3%BC/100%25/%20kept";
        Memento memento =
                new Memento(Instant.parse("2017-11-14T10:57:00Z"), ARCHIVE + "/web/20171114105700/" + hostile);
        TimeMap timeMap = new TimeMap(
                hostile,
                ARCHIVE + "/web/" + hostile,
                ARCHIVE + "/timemap/link/" + hostile,
                ARCHIVE + "/timemap/json/" + hostile,
                List.of(memento));

        for (String header : List.of(timeMap.mementoLinkHeader(memento), timeMap.timeGateLinkHeader())) {
            assertFalse(header.contains("\r") || header.contains("\n"), header);
            assertFalse(header.chars().anyMatch(c -> c > 0x7E), header);
        }
        List<Link> links = LinkReader.read(timeMap.linkFormat());
        assertEquals(4, links.size());
        assertEquals(safe, links.get(0).uri());
        assertEquals(ARCHIVE + "/web/20171114105700/" + safe, links.get(3).uri());
        assertEquals(safe, timeMap.json().get("original_uri"));
    }

    private static void assertMementoLink(Memento memento, Set<String> rels, Link link) {
        assertEquals(memento.uri(), link.uri());
        assertEquals(rels, link.rels(), "relations of " + memento.uri());
        assertEquals(MementoTimestamps.httpDate(memento.datetime()), link.datetime());
        assertEquals(Set.of("rel", "datetime"), link.attributes().keySet());
    }

    private static void role(Map<Integer, Set<String>> roles, int index, String relation) {
        Set<String> rels = roles.computeIfAbsent(index, i -> new LinkedHashSet<>(Set.of("memento")));
        if (!relation.equals("memento")) {
            rels.add(relation);
        }
    }

    /** The memento links of a header, as written. */
    private static List<String> mementoLinksOf(String header) {
        return Arrays.stream(header.split(", (?=<)"))
                .filter(link -> link.contains("memento\""))
                .toList();
    }

    private static List<String> linksModuloWhitespaceAndOrder(String links) {
        List<String> each =
                new ArrayList<>(Arrays.asList(withoutWhitespace(links).split(",(?=<)|,$")));
        each.sort(null);
        return each;
    }

    private static String withoutWhitespace(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Five mementos a day apart, or fewer, of a page archived at the RFC's example archive. */
    private static TimeMap arxivOf(int count) {
        return arxiv(
                "http://a.example.org/",
                Stream.iterate(Instant.parse("2001-03-21T20:36:10Z"), t -> t.plusSeconds(86_400))
                        .limit(count)
                        .map(Instant::toString)
                        .toArray(String[]::new));
    }

    private static TimeMap arxiv(String original, String... datetimes) {
        List<Memento> mementos = Arrays.stream(datetimes)
                .map(Instant::parse)
                .map(t -> new Memento(t, ARCHIVE + "/web/" + MementoTimestamps.format14(t) + "/" + original))
                .toList();
        return new TimeMap(
                original,
                ARCHIVE + "/timegate/" + original,
                ARCHIVE + "/timemap/" + original,
                ARCHIVE + "/timemap/json/" + original,
                mementos);
    }
}
