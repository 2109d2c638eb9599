package dev.afterimage.source.webpage;

import dev.afterimage.source.AccountRef;
import dev.afterimage.source.ListingResult;
import dev.afterimage.source.PageCapture;
import dev.afterimage.source.PermalinkCheck;
import dev.afterimage.source.Platform;
import dev.afterimage.source.PostChecks;
import dev.afterimage.source.PostRef;
import dev.afterimage.source.PostSource;
import dev.afterimage.source.SourcePost;
import dev.afterimage.source.http.HttpOutcome;
import dev.afterimage.source.http.Redirects;
import dev.afterimage.source.http.WebClient;
import dev.afterimage.source.text.PostIds;
import dev.afterimage.source.url.MentionUrl;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A ministry's news page that has no feed, read with the CSS selectors configured for the account: the listing
 * page names the items, and each item's own page is archived. The handle is the listing page's URL.
 *
 * <p>An item is declared deleted only when its own page answers 404 or 410, or shows what the account's
 * {@code notFound} selector picks (many sites answer a missing page with HTTP 200). A listing page that answers 404
 * or 410 means the news page itself was removed.
 */
@ApplicationScoped
public class WebPageSource implements PostSource {

    private final WebClient web;
    private final int maxItemsPerPage;

    public WebPageSource(WebClient web, WebPageConfig config) {
        this.web = web;
        this.maxItemsPerPage = config.maxItemsPerPage();
    }

    @Override
    public Platform platform() {
        return Platform.WEB;
    }

    @Override
    public ListingResult listing(AccountRef account, Optional<String> olderPageCursor) {
        String url = olderPageCursor.orElse(account.handle());
        return switch (Redirects.follow(web, url, Map.of())) {
            case HttpOutcome.Failed failed -> new ListingResult.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received page
            when page.isSuccessful() -> listingPage(url, account.handle(), page, WebPageOptions.of(account.options()));
            case HttpOutcome.Received gone
            when gone.isGone() && olderPageCursor.isEmpty() ->
                new ListingResult.AccountGone("the news page " + gone.url() + " answered HTTP " + gone.status());
            case HttpOutcome.Received other ->
                new ListingResult.Unknown(url + ": " + other.url() + " answered HTTP " + other.status());
        };
    }

    @Override
    public Map<String, PermalinkCheck> checkAll(AccountRef account, List<PostRef> posts) {
        return PostChecks.each(posts, post -> check(account, post));
    }

    PermalinkCheck check(AccountRef account, PostRef post) {
        String url = MentionUrl.linkOf(post.url());
        return switch (Redirects.follow(web, url, Map.of())) {
            case HttpOutcome.Failed failed -> new PermalinkCheck.Unknown(url + ": " + failed.reason());
            case HttpOutcome.Received gone
            when gone.isGone() ->
                new PermalinkCheck.Gone(
                        "the item's page " + gone.url() + " answered HTTP " + gone.status(), capture(gone));
            case HttpOutcome.Received page
            when page.isSuccessful() -> {
                Document document = WebPageReader.document(page.body(), page.url());
                yield switch (WebPageReader.item(document, WebPageOptions.of(account.options()))) {
                    case ItemPage.NotFound notFound ->
                        new PermalinkCheck.Gone(
                                "the item's page " + page.url() + " answered HTTP " + page.status() + " but "
                                        + notFound.evidence(),
                                capture(page));
                    case ItemPage.Unrecognised unrecognised ->
                        new PermalinkCheck.Unknown(page.url() + ": " + unrecognised.why());
                    case ItemPage.Article article ->
                        new PermalinkCheck.Found(post(
                                post.platformPostId(),
                                account.handle(),
                                new ListedItem(url, "", null),
                                article,
                                page.body()));
                };
            }
            case HttpOutcome.Received other ->
                new PermalinkCheck.Unknown(url + ": " + other.url() + " answered HTTP " + other.status());
        };
    }

    /**
     * The items of one listing page whose own pages could be read. An item whose page fails (5xx, timeout, a
     * changed layout) is left out rather than archived with the title alone, which the next good poll would report
     * as an edit: left out, it is at worst a suspect whose own page is asked, and an unanswered page proves nothing.
     * Past {@code max-items-per-page} the walk stops at this page: the items not fetched are the oldest on it, so
     * they stay outside what the page covers, which an older page would no longer be true of.
     */
    private ListingResult listingPage(String url, String ownerUrl, HttpOutcome.Received page, WebPageOptions options) {
        Document document = WebPageReader.document(page.body(), page.url());
        return switch (WebPageReader.listing(document, options)) {
            case WebPageListing.Unrecognised unrecognised ->
                new ListingResult.Unknown(page.url() + ": " + unrecognised.why());
            case WebPageListing.Items items -> {
                List<SourcePost> posts = new ArrayList<>();
                List<ListedItem> listed = items.items();
                boolean capped = listed.size() > maxItemsPerPage;
                for (ListedItem item : listed.subList(0, Math.min(listed.size(), maxItemsPerPage))) {
                    read(item, ownerUrl, options).ifPresent(posts::add);
                }
                boolean paged = !options.nextPage().isEmpty();
                yield new ListingResult.Page(
                        url,
                        posts.stream().sorted(SourcePost.NEWEST_FIRST).toList(),
                        capped ? Optional.empty() : items.nextPage(),
                        capture(page),
                        paged && !capped && items.nextPage().isEmpty(),
                        Optional.of(document.title().replaceAll("\\s+", " ").strip())
                                .filter(title -> !title.isEmpty()));
            }
        };
    }

    private Optional<SourcePost> read(ListedItem item, String ownerUrl, WebPageOptions options) {
        if (!(Redirects.follow(web, item.url(), Map.of()) instanceof HttpOutcome.Received page)
                || !page.isSuccessful()) {
            return Optional.empty();
        }
        Document document = WebPageReader.document(page.body(), page.url());
        return WebPageReader.item(document, options) instanceof ItemPage.Article article
                ? Optional.of(post(PostIds.fitting(item.url()), ownerUrl, item, article, page.body()))
                : Optional.empty();
    }

    /**
     * The raw fragment is the whole item page as received: its markup around the body is part of the evidence. An
     * item linking another platform's post is the page's item, archived under the page's URL ({@link MentionUrl}).
     */
    static SourcePost post(String id, String ownerUrl, ListedItem item, ItemPage.Article article, byte[] page) {
        String title = item.title().isEmpty() ? article.title() : item.title();
        List<String> text = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        if (!title.isEmpty()) {
            text.add(title);
            html.append(new Element("h2").text(title).outerHtml());
        }
        if (!article.body().plain().isEmpty()) {
            text.add(article.body().plain());
            html.append(article.body().html());
        }
        return SourcePost.builder(id, MentionUrl.archivedUrl(ownerUrl, item.url()), page)
                .publishedAt(item.date() != null ? item.date() : article.publishedAt())
                .text(String.join("\n\n", text), html.toString())
                .media(article.images())
                .build();
    }

    private static PageCapture capture(HttpOutcome.Received page) {
        return new PageCapture(page.url(), page.exchange(), page.body());
    }
}
