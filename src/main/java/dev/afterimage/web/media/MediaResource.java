package dev.afterimage.web.media;

import dev.afterimage.archive.Media;
import dev.afterimage.archive.MediaStore;
import dev.afterimage.hash.Sha256;
import dev.afterimage.security.Roles;
import dev.afterimage.web.ContentPolicy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;

/** Serves archived media bytes by their SHA-256; they never change, so they may be cached for ever. */
@Path("/media")
@RolesAllowed({Roles.VIEWER, Roles.PUBLIC_READER})
public class MediaResource {

    /** Types served as what they are; anything else is served as a download, so archived bytes never run as a page here. */
    private static final Set<String> SAFE_PREFIXES = Set.of("image/", "video/", "audio/");

    private final MediaStore store;

    MediaResource(MediaStore store) {
        this.store = store;
    }

    @GET
    @Path("/{sha256}")
    @Transactional
    public Response get(@PathParam("sha256") String sha256) {
        String hash = sha256.toLowerCase(Locale.ROOT);
        Media media = Sha256.isHex(hash) ? Media.findById(hash) : null;
        java.util.Optional<java.nio.file.Path> file = store.locate(hash);
        if (media == null || file.isEmpty()) {
            throw new NotFoundException("no media with SHA-256 " + sha256);
        }
        return Response.ok(file.get().toFile())
                .type(safeType(media.contentType))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"" + hash + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", ContentPolicy.ARCHIVED_BYTES)
                .build();
    }

    private static String safeType(String contentType) {
        String lower = contentType.toLowerCase(Locale.ROOT);
        return SAFE_PREFIXES.stream().anyMatch(lower::startsWith) && !lower.contains("svg")
                ? contentType
                : "application/octet-stream";
    }
}
