package dev.afterimage.archive;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Gives versions archived before text hashes existed their hash, so their cross-posts are found too. Runs at
 * start-up in small transactions; once every version has one, it is a single empty query.
 */
@ApplicationScoped
class TextHashBackfill {

    private static final Logger LOG = Logger.getLogger(TextHashBackfill.class);
    private static final int BATCH = 500;

    void onStart(@Observes StartupEvent event) {
        int filled = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(TextHashBackfill::fillBatch);
            filled += batch;
        } while (batch == BATCH);
        if (filled > 0) {
            LOG.infof("text hashes given to %d archived versions", filled);
        }
    }

    private static int fillBatch() {
        List<PostVersion> versions = PostVersion.find("textSha256 is null order by id")
                .page(0, BATCH)
                .list();
        for (PostVersion version : versions) {
            version.textSha256 = NormalisedContent.textHash(version.text);
        }
        return versions.size();
    }
}
