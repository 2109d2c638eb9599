package dev.afterimage.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.source.SourcePost;
import dev.afterimage.testkit.RealFixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fields of entries of real publishers' feeds (the corpus's {@code real_*} files, read in place), one row per
 * way publishers write them; the values are the ones Debian's feedparser reads too.
 */
class RealWorldFeedFieldsTest {

    @ParameterizedTest(name = "{0} #{1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            # RSS 2.0 pubDate with a zone name (PST); guid not a URL
            real_rss-parser__giantbomb-podcast.rss | 0 | 730 | 1600-2823 | https://www.giantbomb.com/shows/603-call-of-tuesday/2970-19653/free-podcast | Giant Bombcast 603: Call of Tuesday | 2019-10-01T22:30:00Z
            # an item told apart from its siblings only by its link's #fragment, without a title
            real_RSParser__scriptingNews.rss | 0 | 50 | http://scripting.com/2017/06/26.html#a080605 | http://scripting.com/2017/06/26.html#a080605 | | 2017-06-26T12:20:05Z
            # RSS 1.0: rdf:about, date-only dc:date
            real_RSParser__bio.rdf | 0 | 30 | http://biorxiv.org/cgi/content/short/743294v1?rss=1 | http://biorxiv.org/cgi/content/short/743294v1?rss=1 | Wheat inositol pyrophosphate kinase (TaVIH2-3B) | 2019-08-27T00:00:00Z
            # .NET's feed writer: the only link is <a10:link href>
            real_feedjira__a10.xml | 0 | 5 | http://www.example.com/5 | http://www.example.com/5 | Title 5 | 2020-05-14T10:00:18Z
            # Latin-1 declared, Portuguese words
            real_rss-parser__encoding.rss | 0 | 40 | http://feeds.jn.pt/~r/JN-ULTIMAS/~3/UBnb8Ra3Q1U/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html | http://feeds.jn.pt/~r/JN-ULTIMAS/~3/UBnb8Ra3Q1U/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html | Mãe de utente é a nova presidente da Raríssimas | 2018-01-03T13:47:00Z
            # Slovak UTF-8 without guid
            real_RSParser__aktuality.rss | 0 | 30 | https://www.aktuality.sk/clanok/856577/analytici-goldman-sachs-zvysili-odhad-rastu-ekonomiky-usa/ | https://www.aktuality.sk/clanok/856577/analytici-goldman-sachs-zvysili-odhad-rastu-ekonomiky-usa/ | Analytici Goldman Sachs zvýšili odhad rastu ekonomiky USA | 2021-01-17T18:27:00Z
            # Atom with curly quotes in the title, tag: ids
            real_RSParser__DaringFireball.atom | 0 | 48 | tag:daringfireball.net,2017:/linked//6.33853 | https://daringfireball.net/thetalkshow/2017/06/26/ep-195 | The Talk Show: ‘I Do Like Throwing a Baby’ | 2017-06-27T00:54:17Z
            # Atom with a -08:00 offset, linked through FeedBurner
            real_feedjira__TypePadNews.xml | 0 | 10 | tag:typepad.com,2003:post-6a00d83451c82369e2017c3708a241970b | http://feedproxy.google.com/~r/TypePadNews/~3/0BN9mE2cw1E/spotlight-friday-favorites.html | Spotlight: Friday Favorites! | 2013-02-22T17:47:09Z
            # an escaped ampersand in an Atom title
            real_feedjira__AmazonWebServicesBlog.xml | 0 | 10 | tag:typepad.com,2003:post-61484736 | http://aws.typepad.com/aws/2009/01/aws-job-architect-designer-position-in-turkey.html | AWS Job: Architect & Designer Position in Turkey | 2009-01-16T18:21:00Z
            # news sites: the BBC, Reuters through FeedBurner, the Guardian
            real_simple-feed-parser__bbc.js__bbc | 0 | 33 | https://www.bbc.co.uk/news/uk-politics-46619689 | https://www.bbc.co.uk/news/uk-politics-46619689 | Jeremy Corbyn denies 'stupid woman' jibe at Theresa May | 2018-12-19T16:48:42Z
            real_rn-rss-parser__reuters.ts__feed | 0 | 10 | http://www.reuters.com/article/us-northkorea-missiles-usa-idUSKBN1FJ2J0 | http://feeds.reuters.com/~r/Reuters/worldNews/~3/ilKUCdKYYyM/u-s-general-says-north-korea-not-demonstrated-all-components-of-icbm-idUSKBN1FJ2J0 | U.S. general says North Korea not demonstrated all components of ICBM | 2018-01-30T21:14:05Z
            real_rss-parser__guardian.rss | 0 | 55 | https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord | https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord | Trump State of the Union address promised unity but emphasized discord | 2018-01-31T07:26:05Z
            """)
    void entryFieldsAreReadAsThePublisherWroteThem(
            String file, int index, int count, String id, String url, String title, String published) {
        String feedUrl = "https://feeds.example/" + file;
        byte[] body = RealFixtures.read("corpus/feeds/" + file);

        List<SourcePost> posts = assertInstanceOf(ParsedFeed.Entries.class, FeedParser.parse(body, null, feedUrl))
                .entries();

        assertEquals(count, posts.size());
        SourcePost post = posts.get(index);
        assertEquals(id, post.platformPostId());
        assertEquals(url, post.url());
        assertTrue(post.text().startsWith(title == null ? "" : title), post.text());
        assertFalse(post.text().contains("\uFFFD"), post.text());
        assertEquals(Instant.parse(published), post.publishedAt());
    }
}
