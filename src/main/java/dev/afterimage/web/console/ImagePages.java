package dev.afterimage.web.console;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.PdqBackfill;
import dev.afterimage.hash.Sha256;
import dev.afterimage.match.ImageMatch;
import dev.afterimage.match.ImageMatcher;
import dev.afterimage.match.MatchQuery;
import dev.afterimage.match.ReferenceSets;
import dev.afterimage.pdq.PdqHasher;
import dev.afterimage.pdq.PdqResult;
import dev.afterimage.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Search by image (an upload, or an archived image's URL or SHA-256), and the reference sets with thumbnails. */
@Path("/console/images")
@Produces(MediaType.TEXT_HTML)
public class ImagePages {

    private static final int THUMBNAILS = 12;
    private static final Pattern SHA256 = Pattern.compile("([0-9a-fA-F]{64})");

    private final ImageMatcher matcher;
    private final ReferenceSets sets;
    private final PdqBackfill backfill;

    ImagePages(ImageMatcher matcher, ReferenceSets sets, PdqBackfill backfill) {
        this.matcher = matcher;
        this.sets = sets;
        this.backfill = backfill;
    }

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance images(ImagePage page, CsrfToken csrf);
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    public Response show(@CookieParam(CsrfToken.COOKIE) String cookie) {
        CsrfToken token = CsrfToken.of(cookie);
        return HtmlPage.ok(Templates.images(page(null, null), token), token);
    }

    /** Multipart: {@code file} (an image) or {@code media} (an archived image's URL or SHA-256), and the CSRF field. */
    @RolesAllowed(Roles.VIEWER)
    @POST
    @CsrfProtected
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response search(
            @CookieParam(CsrfToken.COOKIE) String cookie,
            @RestForm("file") FileUpload file,
            @RestForm("media") String media) {
        CsrfToken token = CsrfToken.of(cookie);
        try {
            PdqResult pdq = query(file, media);
            List<ImagePage.Result> results = matcher.find(MatchQuery.search(pdq)).found().stream()
                    .map(ImagePages::result)
                    .toList();
            return HtmlPage.ok(Templates.images(page(results, null), token), token);
        } catch (InvalidFieldException e) {
            return HtmlPage.status(
                    Response.Status.BAD_REQUEST, Templates.images(page(null, e.getMessage()), token), token);
        }
    }

    private PdqResult query(FileUpload file, String media) {
        if (file != null && file.size() > 0) {
            return PdqHasher.read(file.uploadedFile())
                    .orElseThrow(() -> new InvalidFieldException(
                            "file",
                            file.fileName() + " is not an image this service can read (JPEG, PNG, GIF or BMP)"));
        }
        Matcher sha = SHA256.matcher(media == null ? "" : media);
        if (!sha.find()) {
            throw new InvalidFieldException("media", "choose an image, or paste an archived image's URL (/media/…)");
        }
        String sha256 = sha.group(1).toLowerCase(Locale.ROOT);
        Optional<PdqResult> pdq = Sha256.isHex(sha256) ? sets.file(sha256).flatMap(PdqHasher::read) : Optional.empty();
        return pdq.orElseThrow(() -> new InvalidFieldException("media", "no archived image with SHA-256 " + sha256));
    }

    private static ImagePage.Result result(ImageMatch match) {
        String how = match.transform().description();
        return switch (match) {
            case ImageMatch.InArchive archived ->
                new ImagePage.Result(
                        "/media/" + archived.mediaSha256(),
                        "/console/posts/" + archived.postId(),
                        archived.account() + " · " + archived.postUrl() + " · " + archived.postState(),
                        how,
                        archived.distance());
            case ImageMatch.InReferenceSet reference ->
                new ImagePage.Result(
                        "/api/reference-sets/" + reference.referenceSetId() + "/images/" + reference.referenceImageId()
                                + "/file",
                        "/api/reference-sets/" + reference.referenceSetId(),
                        reference.referenceName() + " in reference set “" + reference.referenceSet() + "”",
                        how,
                        reference.distance());
        };
    }

    private ImagePage page(List<ImagePage.Result> results, String error) {
        List<ImagePage.ReferenceSetCard> cards = sets.list().stream()
                .map(set -> new ImagePage.ReferenceSetCard(
                        set.id,
                        set.name,
                        set.description,
                        sets.imageCount(set.id),
                        sets.images(set.id).stream()
                                .limit(THUMBNAILS)
                                .map(image -> new ImagePage.Thumbnail(
                                        "/api/reference-sets/" + set.id + "/images/" + image.id + "/file", image.name))
                                .toList()))
                .toList();
        PdqBackfill.Progress progress = backfill.progress();
        return new ImagePage(results, error, cards, progress.done(), progress.remaining());
    }
}
