package dev.afterimage.web.api;

import dev.afterimage.InvalidFieldException;
import dev.afterimage.archive.MediaStore;
import dev.afterimage.hash.Sha256;
import dev.afterimage.match.ImageMatch;
import dev.afterimage.match.ImageMatcher;
import dev.afterimage.match.MatchConfig;
import dev.afterimage.match.MatchQuery;
import dev.afterimage.pdq.PdqHasher;
import dev.afterimage.pdq.PdqResult;
import dev.afterimage.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Search by image: where a picture (uploaded, or archived here) was seen, best match first. */
@Path("/api/media/search")
@Produces(MediaType.APPLICATION_JSON)
public class MediaSearchResource {

    private final ImageMatcher matcher;
    private final MediaStore store;
    private final MatchConfig config;

    MediaSearchResource(ImageMatcher matcher, MediaStore store, MatchConfig config) {
        this.matcher = matcher;
        this.store = store;
        this.config = config;
    }

    @RolesAllowed(Roles.VIEWER)
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public List<ImageMatch> byUpload(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw new InvalidFieldException("file", "send an image in the multipart field \"file\"");
        }
        try {
            if (Files.size(file.uploadedFile()) > config.maxImageBytes()) {
                throw new InvalidFieldException(
                        "file", file.fileName() + " is larger than " + config.maxImageBytes() + " bytes");
            }
        } catch (IOException e) {
            throw new InvalidFieldException("file", file.fileName() + " could not be read");
        }
        PdqResult pdq = PdqHasher.read(file.uploadedFile())
                .orElseThrow(() -> new InvalidFieldException(
                        "file", file.fileName() + " is not an image this service can read (JPEG, PNG, GIF or BMP)"));
        return search(pdq);
    }

    @RolesAllowed(Roles.VIEWER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public List<ImageMatch> bySha256(MediaSearchRequest request) {
        String sha256 = request == null || request.sha256() == null
                ? ""
                : request.sha256().toLowerCase(Locale.ROOT);
        if (!Sha256.isHex(sha256)) {
            throw new InvalidFieldException("sha256", "sha256 must be 64 hex digits of an archived file");
        }
        PdqResult pdq = store.locate(sha256)
                .flatMap(PdqHasher::read)
                .orElseThrow(() -> new InvalidFieldException("sha256", "no archived image with SHA-256 " + sha256));
        return search(pdq);
    }

    private List<ImageMatch> search(PdqResult pdq) {
        return matcher.find(MatchQuery.search(pdq)).found();
    }
}
