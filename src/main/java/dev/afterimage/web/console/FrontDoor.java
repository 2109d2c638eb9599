package dev.afterimage.web.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Whoever opens the service's address in a browser lands on the console. */
@Path("/")
@PermitAll
public class FrontDoor {

    @GET
    public Response enter() {
        return Response.seeOther(URI.create("/console")).build();
    }
}
