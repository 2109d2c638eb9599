package dev.afterimage.verify;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks an Afterimage evidence package (WACZ) offline: every file against {@code datapackage.json}, that list against
 * the signature in {@code datapackage-digest.json} (and, given one, the key the operator publishes), every WARC
 * record's digests, every trusted timestamp, and the evidence-chain entries up to each stamped head.
 */
public final class PackageVerifier {

    static final String DATAPACKAGE = "datapackage.json";
    static final String DIGEST = "datapackage-digest.json";

    private final List<X509Certificate> tsaRoots;
    private final Optional<String> expectedKey;

    /**
     * @param tsaRoots the time-stamping authorities' root certificates the reader trusts; none leaves the chain
     *     unchecked
     * @param expectedKey the signing key the operator publishes: its hex SHA-256 fingerprint, or the key itself
     *     (PEM or base64 DER SubjectPublicKeyInfo); empty leaves the signer unidentified
     */
    public PackageVerifier(List<X509Certificate> tsaRoots, Optional<String> expectedKey) {
        this.tsaRoots = List.copyOf(tsaRoots);
        this.expectedKey = expectedKey;
    }

    public Report verify(Path wacz) throws IOException {
        Report report = new Report(wacz.toString());
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            Map<String, byte[]> small = new LinkedHashMap<>();
            List<ZipEntry> warcs = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                if (isWarc(entry.getName())) {
                    warcs.add(entry);
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        small.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
            byte[] datapackage = small.get(DATAPACKAGE);
            if (datapackage == null) {
                report.failed(DATAPACKAGE, "is missing: this is not a WACZ package");
                return report;
            }
            checkSignature(datapackage, small.get(DIGEST), report);
            checkListing(zip, datapackage, report);
            for (ZipEntry warc : warcs) {
                try (InputStream in = zip.getInputStream(warc)) {
                    WarcCheck.check(warc.getName(), in, report);
                }
            }
            List<Stamp> stamps = new TimestampCheck(tsaRoots).check(small, report);
            ChainCheck.check(small, stamps, report);
        }
        return report;
    }

    private static boolean isWarc(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        return name.endsWith(".warc") || name.endsWith(".warc.gz");
    }

    private void checkSignature(byte[] datapackage, byte[] digestFile, Report report) {
        if (digestFile == null) {
            report.failed(DIGEST, "is missing: the package is not signed");
            return;
        }
        Object digest;
        try {
            digest = Json.parse(new String(digestFile, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            report.failed(DIGEST, e.getMessage());
            return;
        }
        Object signed = Json.member(digest, "signedData");
        String hash = Json.string(signed, "hash");
        String actual = "sha256:" + Digests.sha256(datapackage);
        if (hash == null) {
            report.failed(DIGEST, "has no signedData.hash");
            return;
        }
        if (!hash.equals(actual) || !hash.equals(Json.string(digest, "hash"))) {
            report.failed(
                    DATAPACKAGE,
                    "its SHA-256 is " + actual + " but " + DIGEST + " signed " + hash + ": the file list was changed");
            return;
        }
        String publicKey = Json.string(signed, "publicKey");
        String signature = Json.string(signed, "signature");
        if (publicKey == null || signature == null) {
            report.failed(DIGEST, "has no anonymous-mode signature (signedData.signature and publicKey)");
            return;
        }
        byte[] spki;
        try {
            spki = Base64.getDecoder().decode(publicKey);
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(hash.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getDecoder().decode(signature))) {
                report.failed(DIGEST, "the signature does not hold for " + hash + " with the key it names");
                return;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            report.failed(DIGEST, "the signature or its key cannot be read: " + e.getMessage());
            return;
        }
        String fingerprint = Digests.sha256(spki);
        report.proven(
                DIGEST,
                "the file list (datapackage.json) is signed by the key with SHA-256 fingerprint " + fingerprint
                        + (Json.string(signed, "created") == null
                                ? ""
                                : ", which says it signed at " + Json.string(signed, "created")));
        if (expectedKey.isEmpty()) {
            report.notChecked(
                    "signer",
                    "the signing key " + fingerprint + " was not compared with the one the operator publishes:"
                            + " give --key FINGERPRINT");
        } else if (matches(expectedKey.get(), spki, fingerprint)) {
            report.proven("signer", "the signing key is the one given with --key");
        } else {
            report.failed(
                    "signer", "the package was signed with key " + fingerprint + ", not the one given with --key");
        }
    }

    private static boolean matches(String expected, byte[] spki, String fingerprint) {
        String text = expected.strip();
        if (text.matches("(?i)[0-9a-f:]{64,95}")) {
            return text.replace(":", "").equalsIgnoreCase(fingerprint);
        }
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Arrays.equals(Base64.getDecoder().decode(base64), spki);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void checkListing(ZipFile zip, byte[] datapackage, Report report) throws IOException {
        Object root;
        try {
            root = Json.parse(new String(datapackage, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            report.failed(DATAPACKAGE, e.getMessage());
            return;
        }
        if (!(Json.member(root, "resources") instanceof List<?> resources)) {
            report.failed(DATAPACKAGE, "lists no resources");
            return;
        }
        Set<String> listed = new LinkedHashSet<>();
        int holding = 0;
        for (Object resource : resources) {
            String path = Json.string(resource, "path");
            String hash = Json.string(resource, "hash");
            if (path == null || hash == null) {
                report.failed(DATAPACKAGE, "a resource lacks its path or hash: " + resource);
                continue;
            }
            listed.add(path);
            ZipEntry entry = zip.getEntry(path);
            if (entry == null) {
                report.failed(path, "is listed in " + DATAPACKAGE + " but missing from the package");
                continue;
            }
            Digests.Sum sum;
            try (InputStream in = zip.getInputStream(entry)) {
                sum = Digests.sha256(in);
            }
            if (!hash.equalsIgnoreCase("sha256:" + sum.sha256())) {
                report.failed(
                        path,
                        "its SHA-256 is " + sum.sha256() + " but " + DATAPACKAGE + " lists " + hash
                                + ": the file was changed");
                continue;
            }
            if (Json.member(resource, "bytes") instanceof BigDecimal bytes && bytes.longValue() != sum.bytes()) {
                report.failed(path, "holds " + sum.bytes() + " bytes but " + DATAPACKAGE + " lists " + bytes);
                continue;
            }
            holding++;
        }
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (!name.endsWith("/") && !name.equals(DATAPACKAGE) && !name.equals(DIGEST) && !listed.contains(name)) {
                report.failed(
                        name, "is in the package but not in " + DATAPACKAGE + ", so the signature does not cover it");
            }
        }
        if (holding == resources.size()) {
            report.proven(DATAPACKAGE, "all " + holding + " listed files match their SHA-256 and size");
        }
    }
}
