package dev.afterimage.web.api;

import dev.afterimage.archive.EvidenceChain;
import dev.afterimage.archive.Post;
import dev.afterimage.evidence.stamp.ChainStamper;
import dev.afterimage.evidence.stamp.StampStatus;
import dev.afterimage.security.Roles;
import dev.afterimage.watch.AccountService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Whether the evidence chain (or one account's part of it) has a trusted date from a time-stamping authority yet. */
@Path("/api/evidence/status")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceStatusResource {

    private final ChainStamper stamper;
    private final EvidenceChain chain;
    private final AccountService accounts;

    EvidenceStatusResource(ChainStamper stamper, EvidenceChain chain, AccountService accounts) {
        this.stamper = stamper;
        this.chain = chain;
        this.accounts = accounts;
    }

    /** The chain's head, the newest stamped entry, and per authority: stamped, pending (with the last failure) or off. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    public StampStatus status() {
        return stamper.status();
    }

    /** One account's newest chain entry and whether a stamp covers it; 404 for an unknown account. */
    @RolesAllowed(Roles.VIEWER)
    @GET
    @Path("/accounts/{id}")
    @Transactional
    public AccountStampStatus accountStatus(@PathParam("id") long id) {
        accounts.get(id);
        List<Long> posts =
                Post.<Post>list("accountId", id).stream().map(post -> post.id).toList();
        long newest = chain.newestEntryAbout(posts);
        StampStatus status = stamper.status();
        return new AccountStampStatus(id, newest == 0 ? "empty" : status.stateOf(newest), newest, status.stampedSeq());
    }

    /**
     * @param state {@code stamped}, {@code pending}, {@code off} (no authority configured) or {@code empty} (nothing
     *     archived yet)
     * @param newestSeq the account's newest chain entry
     */
    public record AccountStampStatus(long accountId, String state, long newestSeq, long stampedSeq) {}
}
