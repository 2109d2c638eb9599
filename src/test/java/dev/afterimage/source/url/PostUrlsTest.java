package dev.afterimage.source.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every real-world form of a post URL maps to the one canonical URL, and the canonical URL to itself. Rows give
 * the pasted URL, then the expected account, post id and canonical URL.
 */
class PostUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            https://t.me/durov/123                              | durov       | 123 | https://t.me/durov/123
            t.me/durov/123                                      | durov       | 123 | https://t.me/durov/123
            http://t.me/durov/123                               | durov       | 123 | https://t.me/durov/123
            //t.me/durov/123                                    | durov       | 123 | https://t.me/durov/123
            https://t.me/s/durov/123                            | durov       | 123 | https://t.me/durov/123
            t.me/s/durov/123                                    | durov       | 123 | https://t.me/durov/123
            https://t.me/durov/123?single                       | durov       | 123 | https://t.me/durov/123
            https://t.me/durov/123?embed=1                      | durov       | 123 | https://t.me/durov/123
            https://t.me/durov/123?embed=1&mode=tme             | durov       | 123 | https://t.me/durov/123
            https://t.me/durov/123?comment=4567                 | durov       | 123 | https://t.me/durov/123
            https://t.me/durov/123/                             | durov       | 123 | https://t.me/durov/123
            https://t.me//durov//123                            | durov       | 123 | https://t.me/durov/123
            https://telegram.me/durov/123                       | durov       | 123 | https://t.me/durov/123
            https://www.telegram.me/durov/123                   | durov       | 123 | https://t.me/durov/123
            https://www.t.me/durov/123                          | durov       | 123 | https://t.me/durov/123
            https://telegram.dog/durov/123                      | durov       | 123 | https://t.me/durov/123
            HTTPS://T.ME/Durov/123                              | durov       | 123 | https://t.me/durov/123
            https://t.me/DUROV/123                              | durov       | 123 | https://t.me/durov/123
            https://t.me./durov/123                             | durov       | 123 | https://t.me/durov/123
            https://t.me:443/durov/123                          | durov       | 123 | https://t.me/durov/123
            http://t.me:80/durov/123                            | durov       | 123 | https://t.me/durov/123
            https://t.me/durov/123?utm_source=x&utm_medium=y    | durov       | 123 | https://t.me/durov/123
            https://t.me/durov/123?fbclid=IwAR0abc              | durov       | 123 | https://t.me/durov/123
            https://t.me/durov/123#comments                     | durov       | 123 | https://t.me/durov/123
            https://t.me/ru_news_24/98765                       | ru_news_24  | 98765 | https://t.me/ru_news_24/98765
            https://t.me/%64urov/123                            | durov       | 123 | https://t.me/durov/123
            '  https://t.me/durov/123  '                        | durov       | 123 | https://t.me/durov/123
            <https://t.me/durov/123>                            | durov       | 123 | https://t.me/durov/123
            ' <t.me/durov/123> '                                | durov       | 123 | https://t.me/durov/123
            """)
    void telegramPostUrlsBecomeTMeLinks(String pasted, String account, String postId, String url) {
        assertCanonical(pasted, new CanonicalPostUrl("telegram", account, postId, url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            https://x.com/jack/status/20                                | jack  | 20 | https://x.com/i/status/20
            x.com/jack/status/20                                        | jack  | 20 | https://x.com/i/status/20
            http://x.com/jack/status/20                                 | jack  | 20 | https://x.com/i/status/20
            https://www.x.com/jack/status/20                            | jack  | 20 | https://x.com/i/status/20
            https://mobile.x.com/jack/status/20                         | jack  | 20 | https://x.com/i/status/20
            https://twitter.com/jack/status/20                          | jack  | 20 | https://x.com/i/status/20
            https://www.twitter.com/jack/status/20                      | jack  | 20 | https://x.com/i/status/20
            https://mobile.twitter.com/jack/status/20                   | jack  | 20 | https://x.com/i/status/20
            https://twitter.com/Jack/status/20                          | jack  | 20 | https://x.com/i/status/20
            https://TWITTER.COM/jack/status/20                          | jack  | 20 | https://x.com/i/status/20
            https://twitter.com/jack/statuses/20                        | jack  | 20 | https://x.com/i/status/20
            https://x.com/NASA/status/1798765432109876543/photo/1       | nasa  | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://x.com/NASA/status/1798765432109876543/video/1       | nasa  | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://x.com/NASA/status/1798765432109876543/analytics     | nasa  | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://x.com/NASA/status/1798765432109876543?s=20&t=AbCdEf | nasa  | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://x.com/NASA/status/1798765432109876543?s=46          | nasa  | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://twitter.com/NASA/status/1798765432109876543?ref_src=twsrc%5Etfw | nasa | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://x.com/NASA/status/1798765432109876543/              | nasa  | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://x.com/NASA/status/1798765432109876543#m             | nasa  | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://x.com/i/web/status/1798765432109876543              | ''    | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://twitter.com/i/web/status/1798765432109876543        | ''    | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://x.com/i/status/1798765432109876543                  | ''    | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            https://x.com/some_user_1/status/1798765432109876543?ref=x&igshid=1&gclid=2 | some_user_1 | 1798765432109876543 | https://x.com/i/status/1798765432109876543
            """)
    void xPostUrlsBecomeIdOnlyLinksAndKeepTheUserAsAccount(String pasted, String account, String postId, String url) {
        assertCanonical(pasted, new CanonicalPostUrl("x", account, postId, url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            https://mastodon.social/@Gargron/109283834787362910           | gargron | 109283834787362910 | https://mastodon.social/@gargron/109283834787362910
            mastodon.social/@Gargron/109283834787362910                   | gargron | 109283834787362910 | https://mastodon.social/@gargron/109283834787362910
            http://Mastodon.Social/@Gargron/109283834787362910            | gargron | 109283834787362910 | https://mastodon.social/@gargron/109283834787362910
            https://mastodon.social/users/Gargron/statuses/109283834787362910 | gargron | 109283834787362910 | https://mastodon.social/@gargron/109283834787362910
            https://mastodon.social/@Gargron/109283834787362910/          | gargron | 109283834787362910 | https://mastodon.social/@gargron/109283834787362910
            https://mastodon.social/@Gargron/109283834787362910?utm_source=feed | gargron | 109283834787362910 | https://mastodon.social/@gargron/109283834787362910
            https://mastodon.social/@Gargron/109283834787362910#reply     | gargron | 109283834787362910 | https://mastodon.social/@gargron/109283834787362910
            https://mastodon.social/web/@Gargron/109283834787362910       | gargron | 109283834787362910 | https://mastodon.social/@gargron/109283834787362910
            https://mastodon.social/%40Gargron/109283834787362910         | gargron | 109283834787362910 | https://mastodon.social/@gargron/109283834787362910
            https://fosstodon.org/@alice@Mastodon.Social/109283834787362910 | alice@mastodon.social | 109283834787362910 | https://fosstodon.org/@alice@mastodon.social/109283834787362910
            https://fosstodon.org/@alice%40mastodon.social/109283834787362910 | alice@mastodon.social | 109283834787362910 | https://fosstodon.org/@alice@mastodon.social/109283834787362910
            https://fosstodon.org/web/@alice@mastodon.social/109283834787362910 | alice@mastodon.social | 109283834787362910 | https://fosstodon.org/@alice@mastodon.social/109283834787362910
            https://social.example.co.uk/@jane.doe@misskey.io/110000000000000001 | jane.doe@misskey.io | 110000000000000001 | https://social.example.co.uk/@jane.doe@misskey.io/110000000000000001
            https://mastodon.social/web/statuses/109283834787362910       | ''      | 109283834787362910 | https://mastodon.social/web/statuses/109283834787362910
            https://mastodon.social/web/statuses/109283834787362910/      | ''      | 109283834787362910 | https://mastodon.social/web/statuses/109283834787362910
            https://mastodon.social:443/@Gargron/109283834787362910       | gargron | 109283834787362910 | https://mastodon.social/@gargron/109283834787362910
            https://small.instance:8443/@bob/42                           | bob     | 42                 | https://small.instance:8443/@bob/42
            """)
    void mastodonPostUrlsStayOnTheirInstance(String pasted, String account, String postId, String url) {
        assertCanonical(pasted, new CanonicalPostUrl("mastodon", account, postId, url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22        | alice.bsky.social | 3kaheyt6vpc22 | https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22
            bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22                | alice.bsky.social | 3kaheyt6vpc22 | https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22
            https://bsky.app/profile/Alice.Bsky.Social/post/3kaheyt6vpc22        | alice.bsky.social | 3kaheyt6vpc22 | https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22
            https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22/       | alice.bsky.social | 3kaheyt6vpc22 | https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22
            https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22?ref_src=embed | alice.bsky.social | 3kaheyt6vpc22 | https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22
            https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22/liked-by | alice.bsky.social | 3kaheyt6vpc22 | https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22
            https://bsky.app/profile/nytimes.com/post/3kaheyt6vpc22              | nytimes.com       | 3kaheyt6vpc22 | https://bsky.app/profile/nytimes.com/post/3kaheyt6vpc22
            https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3kaheyt6vpc22 | did:plc:z72i7hdynmk6r22z27h6tvur | 3kaheyt6vpc22 | https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3kaheyt6vpc22
            https://bsky.app/profile/did%3Aplc%3Az72i7hdynmk6r22z27h6tvur/post/3kaheyt6vpc22 | did:plc:z72i7hdynmk6r22z27h6tvur | 3kaheyt6vpc22 | https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3kaheyt6vpc22
            https://bsky.app/profile/did:web:Example.COM/post/3kaheyt6vpc22      | did:web:Example.COM | 3kaheyt6vpc22 | https://bsky.app/profile/did:web:Example.COM/post/3kaheyt6vpc22
            at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3kaheyt6vpc22 | did:plc:z72i7hdynmk6r22z27h6tvur | 3kaheyt6vpc22 | https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3kaheyt6vpc22
            AT://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3kaheyt6vpc22 | did:plc:z72i7hdynmk6r22z27h6tvur | 3kaheyt6vpc22 | https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3kaheyt6vpc22
            at://Alice.bsky.social/app.bsky.feed.post/3kaheyt6vpc22              | alice.bsky.social | 3kaheyt6vpc22 | https://bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22
            <at://did:plc:xyz/app.bsky.feed.post/3kaheyt6vpc22>                  | did:plc:xyz       | 3kaheyt6vpc22 | https://bsky.app/profile/did:plc:xyz/post/3kaheyt6vpc22
            """)
    void blueskyPostUrlsAndAtUrisBecomeBskyAppLinks(String pasted, String account, String postId, String url) {
        assertCanonical(pasted, new CanonicalPostUrl("bluesky", account, postId, url));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            https://www.facebook.com/NASA/posts/1234567890123456               | nasa | 1234567890123456 | https://www.facebook.com/nasa/posts/1234567890123456
            facebook.com/NASA/posts/1234567890123456                           | nasa | 1234567890123456 | https://www.facebook.com/nasa/posts/1234567890123456
            http://facebook.com/NASA/posts/1234567890123456                    | nasa | 1234567890123456 | https://www.facebook.com/nasa/posts/1234567890123456
            https://m.facebook.com/NASA/posts/1234567890123456                 | nasa | 1234567890123456 | https://www.facebook.com/nasa/posts/1234567890123456
            https://mbasic.facebook.com/NASA/posts/1234567890123456            | nasa | 1234567890123456 | https://www.facebook.com/nasa/posts/1234567890123456
            https://web.facebook.com/NASA/posts/1234567890123456               | nasa | 1234567890123456 | https://www.facebook.com/nasa/posts/1234567890123456
            https://www.facebook.com/NASA/posts/1234567890123456/              | nasa | 1234567890123456 | https://www.facebook.com/nasa/posts/1234567890123456
            https://www.facebook.com/NASA/posts/1234567890123456?mibextid=Nif5oz | nasa | 1234567890123456 | https://www.facebook.com/nasa/posts/1234567890123456
            https://www.facebook.com/NASA/posts/1234567890123456?__cft__[0]=AZX&__tn__=%2CO%2CP-R | nasa | 1234567890123456 | https://www.facebook.com/nasa/posts/1234567890123456
            https://www.facebook.com/NASA/posts/1234567890123456?fbclid=IwAR2x#  | nasa | 1234567890123456 | https://www.facebook.com/nasa/posts/1234567890123456
            https://www.facebook.com/Some.Page/posts/pfbid02AbCdEfGhJkLmNoPqRsTuVwXyZ123456789l | some.page | pfbid02AbCdEfGhJkLmNoPqRsTuVwXyZ123456789l | https://www.facebook.com/some.page/posts/pfbid02AbCdEfGhJkLmNoPqRsTuVwXyZ123456789l
            https://www.facebook.com/100064123456789/posts/pfbid0XyZ           | 100064123456789 | pfbid0XyZ | https://www.facebook.com/100064123456789/posts/pfbid0XyZ
            https://www.facebook.com/permalink.php?story_fbid=987654321&id=100064123456789 | 100064123456789 | 987654321 | https://www.facebook.com/permalink.php?story_fbid=987654321&id=100064123456789
            https://www.facebook.com/permalink.php?id=100064123456789&story_fbid=987654321 | 100064123456789 | 987654321 | https://www.facebook.com/permalink.php?story_fbid=987654321&id=100064123456789
            https://m.facebook.com/story.php?story_fbid=987654321&id=100064123456789&mibextid=qC1gEa | 100064123456789 | 987654321 | https://www.facebook.com/permalink.php?story_fbid=987654321&id=100064123456789
            https://www.facebook.com/permalink.php?story_fbid=pfbid0AbC&id=100064123456789&__cft__[0]=AZ | 100064123456789 | pfbid0AbC | https://www.facebook.com/permalink.php?story_fbid=pfbid0AbC&id=100064123456789
            https://www.facebook.com/permalink.php?utm_source=a&story_fbid=987654321&junk=%ZZ&id=100064123456789 | 100064123456789 | 987654321 | https://www.facebook.com/permalink.php?story_fbid=987654321&id=100064123456789
            """)
    void facebookPagePostsBecomeWwwLinks(String pasted, String account, String postId, String url) {
        assertCanonical(pasted, new CanonicalPostUrl("facebook", account, postId, url));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                // Telegram: profiles, invites, private channels, services, non-numeric ids
                "https://t.me/durov",
                "https://t.me/s/durov",
                "https://t.me/joinchat/AAAAAEHbJ9o7bM2zQ",
                "https://t.me/joinchat/123",
                "https://t.me/+AbCdEfGhIjK",
                "https://t.me/c/1234567890/456",
                "https://t.me/durov/abc",
                "https://t.me/durov/0",
                "https://t.me/durov/123/456",
                "https://t.me/addstickers/12345",
                "https://t.me:8443/durov/123",
                "https://t.me/ab/123",
                "ftp://t.me/durov/1",
                // X: profiles, searches, other pages
                "https://x.com/jack",
                "https://x.com/jack/status/",
                "https://x.com/jack/status/abc",
                "https://x.com/jack/likes",
                "https://x.com/search?q=status%2F20",
                "https://x.com/i/web/status/",
                "https://t.co/AbCdEf123",
                "https://api.twitter.com/jack/status/20",
                // Mastodon-shaped paths on other platforms, and non-post pages
                "https://mastodon.social/@Gargron",
                "https://mastodon.social/@Gargron/with_replies",
                "https://mastodon.social/users/Gargron",
                "https://mastodon.social/users/alice@other.social/statuses/1",
                "https://mastodon.social/tags/fediverse",
                "https://mastodon.social/web/statuses/abc",
                "https://x.com/@jack/20",
                "https://bsky.app/@alice/123",
                "https://t.me/@durov/123",
                "https://www.facebook.com/@nasa/123",
                "https://fb.com/@nasa/123",
                "https://localhost/@alice/1",
                "https://192.168.1.10/@alice/1",
                // Bluesky: profiles, other hosts, other collections
                "https://bsky.app/profile/alice.bsky.social",
                "https://bsky.app/profile/alice.bsky.social/post",
                "https://bsky.app/profile/alice/post/3kaheyt6vpc22",
                "https://bsky.app/profile/alice.bsky.social/post/..",
                "https://staging.bsky.app/profile/alice.bsky.social/post/3kaheyt6vpc22",
                "at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.like/3kaheyt6vpc22",
                "at://did:plc:z72i7hdynmk6r22z27h6tvur",
                "https://bsky.app/profile/did%3Aplc%3/post/3kaheyt6vpc22",
                // Facebook: photos, videos, groups, profiles, partial permalinks, other hosts
                "https://www.facebook.com/photo/?fbid=123456789&set=a.987",
                "https://www.facebook.com/photo.php?fbid=123456789",
                "https://www.facebook.com/watch/?v=123456789",
                "https://www.facebook.com/groups/123/posts/456",
                "https://www.facebook.com/NASA",
                "https://www.facebook.com/permalink.php?story_fbid=987654321",
                "https://www.facebook.com/permalink.php?id=100064123456789",
                "https://www.facebook.com/permalink.php?story_fbid=abc&id=100064123456789",
                "https://fb.com/NASA/posts/1234567890123456",
                "https://l.facebook.com/l.php?u=https%3A%2F%2Ft.me%2Fdurov%2F123",
                // Other websites
                "https://example.com/",
                "https://example.com/blog/2024/05/some-post",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "https://medium.com/@alice/my-first-story-1a2b3c4d5e6f",
                "https://www.threads.net/@zuck/post/C8abcDEF",
                "https://news.ycombinator.com/item?id=123",
                // Not http(s) at all, disguised hosts, garbage
                "javascript:alert(document.cookie)",
                "JavaScript:alert(1)//t.me/durov/123",
                "mailto:someone@t.me",
                "data:text/html,<a href=https://t.me/durov/1>",
                "file:///t.me/durov/123",
                "https://x.com@evil.example/@jack/20",
                "https://user:pass@t.me/durov/123",
                "https:/t.me/durov/123",
                "https://t.me:99999/durov/123",
                "https://t.me:/durov/123",
                "https:// t.me/durov/123",
                "not a url",
                "t.me durov 123",
                "<>",
                "://",
                "https://",
                "did:plc:z72i7hdynmk6r22z27h6tvur",
                "https://t.me/%E0%A4/123",
                "https://t.me/durov%2F123",
                // Look-alikes: the Kelvin sign would lower-case to an ASCII k
                "https://t.me/\u212Aremlin_news/123",
                "https://t.me/%E2%84%AAremlin_news/123",
                "https://\u212A.example/@alice/1",
            })
    void anythingButAPostUrlGivesNothing(String pasted) {
        assertEquals(Optional.empty(), PostUrls.canonicalise(pasted));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t\n", "< >"})
    void nullOrBlankGivesNothing(String pasted) {
        assertEquals(Optional.empty(), PostUrls.canonicalise(pasted));
    }

    @Test
    void inputUpTo4096CharactersIsReadAndLongerInputIsNot() {
        String post = "https://t.me/durov/123?pad=";
        String longest = post + "a".repeat(4096 - post.length());

        assertTrue(PostUrls.canonicalise(longest).isPresent());
        assertEquals(Optional.empty(), PostUrls.canonicalise(longest + "a"));
    }

    @Test
    void randomTextNeverMakesItThrow() {
        // Fixed seed: a failure names an input that can be replayed.
        Random random = new Random(20240501);
        String alphabet = "htps:/.@%?#&=+<> x.comt.mebsky.apfacebook123abcABC_-~:[]\\\u00e9";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String pasted = random.nextBoolean() ? "https://" + text : text.toString();
            PostUrls.canonicalise(pasted);
        }
    }

    private static void assertCanonical(String pasted, CanonicalPostUrl expected) {
        assertEquals(Optional.of(expected), PostUrls.canonicalise(pasted), "from the pasted URL");
        // Only the URL is compared: an X canonical URL names no user, so the account it gives back is empty.
        assertEquals(
                Optional.of(expected.url()),
                PostUrls.canonicalise(expected.url()).map(CanonicalPostUrl::url),
                "from the canonical URL itself");
    }
}
