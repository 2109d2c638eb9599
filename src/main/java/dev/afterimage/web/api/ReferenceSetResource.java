package dev.afterimage.web.api;

import dev.afterimage.match.ReferenceImage;
import dev.afterimage.match.ReferenceSet;
import dev.afterimage.match.ReferenceSets;
import dev.afterimage.match.Upload;
import dev.afterimage.security.Roles;
import dev.afterimage.web.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Reference sets: pictures (such as a trailer's frames) that newly archived pictures are matched against. */
@Path("/api/reference-sets")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceSetResource {

    private final ReferenceSets sets;

    ReferenceSetResource(ReferenceSets sets) {
        this.sets = sets;
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ReferenceSetRequest request, UriInfo uri) {
        if (request == null) {
            throw new BadRequestException(
                    Problem.response(Response.Status.BAD_REQUEST, "a JSON body is required", null));
        }
        ReferenceSet set = sets.create(request.name(), request.description());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(set.id))
                        .build())
                .entity(ReferenceSetView.of(set, 0, List.of()))
                .build();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    public List<ReferenceSetView> list() {
        return sets.list().stream()
                .map(set -> ReferenceSetView.of(set, sets.imageCount(set.id), null))
                .toList();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}")
    public ReferenceSetView get(@PathParam("id") long id) {
        ReferenceSet set = sets.get(id);
        List<ReferenceImage> images = sets.images(id);
        return ReferenceSetView.of(set, images.size(), images);
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        sets.delete(id);
        return Response.noContent().build();
    }

    /** Images, zips of images, or videos (frames through ffmpeg), each in a multipart field {@code file}. */
    @RolesAllowed(Roles.EDITOR)
    @POST
    @Path("/{id}/images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response addImages(@PathParam("id") long id, @RestForm("file") List<FileUpload> files) {
        List<Upload> uploads = files == null
                ? List.of()
                : files.stream()
                        .map(file -> new Upload(file.fileName(), file.uploadedFile(), file.contentType()))
                        .toList();
        int added = sets.add(id, uploads);
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("added", added))
                .build();
    }

    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/{id}/images/{imageId}/file")
    @Produces({"image/jpeg", "image/png", "image/gif", "image/bmp", MediaType.APPLICATION_OCTET_STREAM})
    public Response imageFile(@PathParam("id") long id, @PathParam("imageId") long imageId) {
        ReferenceImage image = sets.images(id).stream()
                .filter(candidate -> candidate.id == imageId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("no image " + imageId + " in reference set " + id));
        java.nio.file.Path file =
                sets.file(image.sha256).orElseThrow(() -> new NotFoundException("image " + imageId + " is not stored"));
        return Response.ok(file.toFile())
                .type(ImageTypes.sniff(file))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
