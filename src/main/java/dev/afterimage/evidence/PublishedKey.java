package dev.afterimage.evidence;

import java.time.Instant;

/**
 * The instance's public signing key as anyone may see it.
 *
 * @param publicKey base64 DER SubjectPublicKeyInfo, as in every package's {@code datapackage-digest.json}
 * @param fingerprint hex SHA-256 of the DER key: short enough to publish where readers already trust the operator
 * @param createdAt when the key pair was made; null when a supplied key did not say
 */
public record PublishedKey(String publicKey, String fingerprint, Instant createdAt) {}
