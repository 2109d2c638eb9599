package dev.afterimage.evidence;

import dev.afterimage.hash.Sha256;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instance's own ECDSA P-256 key pair, which signs every evidence package it makes. The signature proves which
 * instance packaged the files and that none changed since; it does not prove when, nor that the instance saw what
 * it claims to have seen. Created at first start (file mode 600) unless supplied by configuration.
 */
@Startup
@ApplicationScoped
public class InstanceKey {

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private static final Pattern PEM_BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----", Pattern.MULTILINE);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Instant createdAt;

    InstanceKey(EvidenceConfig config) {
        try {
            KeyMaterial material = config.privateKey().isPresent() ? supplied(config) : fromFile(config.keyFile());
            this.privateKey = material.privateKey();
            this.publicKey = material.publicKey();
            this.createdAt = material.createdAt();
            requireMatchingPair();
        } catch (IOException e) {
            throw new UncheckedIOException("the evidence signing key at " + config.keyFile() + " cannot be read", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the evidence signing key is not a usable EC P-256 key pair", e);
        }
    }

    /** The public key as published: base64 DER SubjectPublicKeyInfo, its SHA-256 and when the pair was made. */
    public PublishedKey published() {
        byte[] spki = publicKey.getEncoded();
        return new PublishedKey(Base64.getEncoder().encodeToString(spki), fingerprint(spki), createdAt);
    }

    /** A DER ECDSA signature over the bytes, with SHA-256. */
    byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with the instance key failed", e);
        }
    }

    static String fingerprint(byte[] spki) {
        return Sha256.of(spki);
    }

    private record KeyMaterial(PrivateKey privateKey, PublicKey publicKey, Instant createdAt) {}

    private static KeyMaterial supplied(EvidenceConfig config) throws GeneralSecurityException {
        String publicText = config.publicKey()
                .orElseThrow(() -> new IllegalStateException(
                        "afterimage.evidence.package.private-key is set but afterimage.evidence.package.public-key is"
                                + " not: both are needed"));
        KeyFactory keys = KeyFactory.getInstance("EC");
        return new KeyMaterial(
                keys.generatePrivate(
                        new PKCS8EncodedKeySpec(der(config.privateKey().get()))),
                keys.generatePublic(new X509EncodedKeySpec(der(publicText))),
                config.keyCreatedAt().map(Instant::parse).orElse(null));
    }

    private static KeyMaterial fromFile(Path file) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            create(file);
        }
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        KeyFactory keys = KeyFactory.getInstance("EC");
        return new KeyMaterial(
                keys.generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY", file))),
                keys.generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY", file))),
                Files.getLastModifiedTime(file).toInstant());
    }

    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded())
                + pem("PUBLIC KEY", pair.getPublic().getEncoded());
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, "signing-key", ".tmp", ownerOnly(parent));
        Files.writeString(partial, pem, StandardCharsets.US_ASCII);
        try {
            // A second instance starting on the same folder keeps the key the first one made.
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException e) {
            // Made meanwhile by another start: that one is the key.
        } catch (UnsupportedOperationException e) {
            Files.move(partial, file);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
                }
                : new FileAttribute<?>[0];
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] block(String pem, String type, Path file) {
        Matcher matcher = PEM_BLOCK.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                return Base64.getMimeDecoder().decode(matcher.group(2));
            }
        }
        throw new IllegalStateException(file + " holds no " + type + " block");
    }

    /** PEM of any type, or bare base64 DER. */
    private static byte[] der(String text) {
        Matcher matcher = PEM_BLOCK.matcher(text);
        return Base64.getMimeDecoder().decode(matcher.find() ? matcher.group(2) : text.strip());
    }

    /** A supplied public key that does not belong to the private key would sign packages nobody can verify. */
    private void requireMatchingPair() throws GeneralSecurityException {
        byte[] probe = "afterimage key check".getBytes(StandardCharsets.US_ASCII);
        Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(sign(probe))) {
            throw new IllegalStateException("the evidence public key does not belong to the private key");
        }
    }
}
