package dev.afterimage.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** How evidence packages (signed WACZ files) are made. */
@ConfigMapping(prefix = "afterimage.evidence.package")
public interface EvidenceConfig {

    /**
     * The instance's signing key pair (PEM: a PKCS#8 private key and its public key), created with mode 600 at first
     * start when absent; beside the database and media so that one folder holds all state.
     */
    @WithDefault("data/evidence-signing-key.pem")
    Path keyFile();

    /**
     * A private key supplied instead of the key file (PEM or base64 DER, PKCS#8, EC P-256); needs {@link #publicKey()}.
     */
    Optional<String> privateKey();

    /** The public key that goes with {@link #privateKey()} (PEM or base64 DER SubjectPublicKeyInfo). */
    Optional<String> publicKey();

    /** When a supplied key was made, as published with it (ISO-8601 instant); the file's own time otherwise. */
    Optional<String> keyCreatedAt();

    /**
     * Most posts one account package may hold: the package is assembled on disk before it is sent, so a range wider
     * than this is refused and must be split.
     */
    @WithDefault("2000")
    int maxPosts();
}
