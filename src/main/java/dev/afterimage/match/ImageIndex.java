package dev.afterimage.match;

import dev.afterimage.archive.MediaHashed;
import dev.afterimage.pdq.PdqHash;
import dev.afterimage.pdq.PdqResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Every archived image's and every reference image's PDQ hash, in memory: rebuilt from the database at start,
 * added to as images are archived or uploaded. An entry names only a hash; the database says whose it is.
 */
@ApplicationScoped
public class ImageIndex {

    private static final Logger LOG = Logger.getLogger(ImageIndex.class);

    private final PackedHashes hashes = new PackedHashes();
    private final EntityManager entities;

    ImageIndex(EntityManager entities) {
        this.entities = entities;
    }

    void onStart(@Observes StartupEvent event) {
        rebuild();
    }

    /** Reads every hash again, e.g. after a reference set was deleted. */
    public void rebuild() {
        QuarkusTransaction.requiringNew().run(() -> {
            synchronized (hashes) {
                hashes.clear();
                for (Object[] row : entities.createQuery(
                                "select m.pdqHash, m.pdqQuality from Media m where m.pdqHash is not null",
                                Object[].class)
                        .getResultList()) {
                    hashes.add(PdqHash.fromHex((String) row[0]), PackedHashes.Owner.ARCHIVE, (Integer) row[1]);
                }
                for (ReferenceImage image : ReferenceImage.<ReferenceImage>listAll()) {
                    hashes.add(PdqHash.fromHex(image.pdqHash), PackedHashes.Owner.REFERENCE, image.pdqQuality);
                }
            }
        });
        LOG.debugf("image index holds %d hashes", hashes.size());
    }

    void onMediaHashed(@Observes MediaHashed hashed) {
        hashes.add(hashed.pdq().hash(), PackedHashes.Owner.ARCHIVE, hashed.pdq().quality());
    }

    void addReference(ReferenceImage image) {
        hashes.add(PdqHash.fromHex(image.pdqHash), PackedHashes.Owner.REFERENCE, image.pdqQuality);
    }

    public int size() {
        return hashes.size();
    }

    List<PackedHashes.Near> near(PdqResult query, int maxDistance, int limit) {
        return hashes.near(query, maxDistance, limit);
    }
}
