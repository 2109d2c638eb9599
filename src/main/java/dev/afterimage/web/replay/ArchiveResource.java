package dev.afterimage.web.replay;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.Post;
import dev.afterimage.archive.PostVersion;
import dev.afterimage.security.Roles;
import dev.afterimage.web.ContentPolicy;
import dev.afterimage.web.api.PostDetailView;
import dev.afterimage.web.memento.Memento;
import dev.afterimage.web.memento.MementoTimestamps;
import dev.afterimage.web.memento.TimeMap;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Getting an archived post back by the URL of the original, the way web archives are reached: a lookup
 * ({@code /archive?url=}), and the Memento protocol (RFC 7089) on Wayback-compatible paths.
 */
@Path("/")
@RolesAllowed({Roles.VIEWER, Roles.PUBLIC_READER})
public class ArchiveResource {

    /** {@code /web/20171114105700/https://t.me/...}, with {@code id_} after the timestamp for the raw capture. */
    private static final Pattern MEMENTO_PATH = Pattern.compile("^(\\d{4,14})(id_)?/(.+)$");

    private final ArchivedPosts archived;
    private final PostFinder finder;

    ArchiveResource(ArchivedPosts archived, PostFinder finder) {
        this.archived = archived;
        this.finder = finder;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance post(ArchivedPostPage page);
    }

    /** The newest archived version: the page for browsers, the post with all versions for API clients. */
    @GET
    @Path("/archive")
    @Transactional
    public Response lookup(@QueryParam("url") String url, @Context HttpHeaders headers) {
        Post post = finder.find(url);
        Response.ResponseBuilder response;
        if (wantsHtml(headers)) {
            List<PostVersion> versions = PostVersion.ofPost(post.id);
            response = htmlBuilder(Templates.post(archived.page(post, versions, versions.getLast())));
        } else {
            response = Response.ok(PostDetailView.of(post), MediaType.APPLICATION_JSON_TYPE);
        }
        return response.header("Vary", "accept").build();
    }

    /** TimeGate, Memento or raw capture, by the shape of the path. */
    @GET
    @Path("/web/{target: .+}")
    @Transactional
    public Response web(
            @PathParam("target") String target,
            @HeaderParam("Accept-Datetime") String acceptDatetime,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        Matcher memento = MEMENTO_PATH.matcher(target);
        if (memento.matches()) {
            return memento(
                    memento.group(1), memento.group(2) != null, originalUrl(memento.group(3), uri), uri, headers);
        }
        return timeGate(originalUrl(target, uri), acceptDatetime, uri);
    }

    @GET
    @Path("/timemap/link/{target: .+}")
    @Transactional
    public Response timeMapLinks(@PathParam("target") String target, @Context UriInfo uri) {
        Post post = finder.find(originalUrl(target, uri));
        TimeMap map = archived.timeMap(post, PostVersion.ofPost(post.id), base(uri));
        return Response.ok(map.linkFormat(), "application/link-format").build();
    }

    @GET
    @Path("/timemap/json/{target: .+}")
    @Transactional
    public Response timeMapJson(@PathParam("target") String target, @Context UriInfo uri) {
        Post post = finder.find(originalUrl(target, uri));
        TimeMap map = archived.timeMap(post, PostVersion.ofPost(post.id), base(uri));
        return Response.ok(map.json(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response timeGate(String url, String acceptDatetime, UriInfo uri) {
        Post post = finder.find(url);
        TimeMap map = archived.timeMap(post, PostVersion.ofPost(post.id), base(uri));
        Instant wanted = acceptDatetime == null || acceptDatetime.isBlank()
                ? map.last().datetime()
                : MementoTimestamps.parseHttpDate(acceptDatetime)
                        .orElseThrow(() -> new InvalidFieldException(
                                "Accept-Datetime",
                                "Accept-Datetime must be an HTTP date such as \"Tue, 14 Nov 2017 10:57:00 GMT\""));
        return Response.status(Response.Status.FOUND)
                .location(URI.create(map.closest(wanted).uri()))
                .header("Vary", "accept-datetime")
                .header("Link", map.timeGateLinkHeader())
                .build();
    }

    private Response memento(String timestamp, boolean raw, String url, UriInfo uri, HttpHeaders headers) {
        Instant wanted = MementoTimestamps.parse14(timestamp)
                .orElseThrow(() -> new InvalidFieldException(
                        "timestamp", "\"" + timestamp + "\" is not a yyyyMMddHHmmss timestamp"));
        Post post = finder.find(url);
        List<PostVersion> versions = PostVersion.ofPost(post.id);
        TimeMap map = archived.timeMap(post, versions, base(uri));
        Memento closest = map.closest(wanted);
        String closestTimestamp = MementoTimestamps.format14(closest.datetime());
        if (!closestTimestamp.equals(timestamp)) {
            String location = raw
                    ? base(uri) + "/web/" + closestTimestamp + "id_/" + ArchivedPosts.inPath(post.url)
                    : closest.uri();
            return Response.status(Response.Status.FOUND)
                    .location(URI.create(location))
                    .build();
        }
        int index = map.mementos().indexOf(closest);
        PostVersion version = versions.get(index);
        // A memento is the post as it was then: that version and the ones before it, nothing learnt later.
        List<PostVersion> asOfThen = versions.subList(0, index + 1);
        Response.ResponseBuilder response = raw
                ? Response.ok(version.rawFragment, "text/html; charset=utf-8")
                        // Captured markup is evidence, not a page of ours: no script of it may run on this origin.
                        .header("Content-Security-Policy", ContentPolicy.ARCHIVED_BYTES)
                        .header("X-Content-Type-Options", "nosniff")
                : wantsHtml(headers)
                        ? htmlBuilder(Templates.post(archived.page(post, asOfThen, version)))
                        : Response.ok(PostDetailView.asOf(post, version), MediaType.APPLICATION_JSON_TYPE);
        return response.header("Vary", "accept")
                .header("Memento-Datetime", MementoTimestamps.httpDate(closest.datetime()))
                .header("Link", map.mementoLinkHeader(closest))
                .build();
    }

    /** The original URL from the rest of the path: its query is the request's, and a proxy may have merged "//". */
    private static String originalUrl(String path, UriInfo uri) {
        // An escaped '#' (see ArchivedPosts.inPath) may reach here still escaped; the linked post after it too may
        // have lost a '/' of its "//".
        String url = path.replace("%23", "#").replaceAll("(^|#)(https?):/(?!/)", "$1$2://");
        String query = uri.getRequestUri().getRawQuery();
        return query == null ? url : url + "?" + query;
    }

    private static String base(UriInfo uri) {
        return uri.getBaseUri().toString().replaceFirst("/+$", "");
    }

    /** Browsers get the page; anything else (curl's wildcard, API clients) gets JSON. */
    private static boolean wantsHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)
                    || type.isCompatible(MediaType.APPLICATION_XHTML_XML_TYPE)) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static Response.ResponseBuilder htmlBuilder(TemplateInstance page) {
        return Response.ok(page.render(), MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", ContentPolicy.ARCHIVED_PAGE)
                .header("X-Content-Type-Options", "nosniff");
    }
}
