package dev.afterimage.verify;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * Checks each RFC 3161 token listed in {@code timestamps/index.json}: that it stamps the listed digest (SHA-256),
 * that the authority's signature holds with a certificate meant for time-stamping and valid at the stamped time,
 * and, given the authorities' root certificates, that this certificate chains to one of them.
 */
final class TimestampCheck {

    static final String INDEX = "timestamps/index.json";

    private final List<X509Certificate> roots;

    TimestampCheck(List<X509Certificate> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The tokens that hold; every other outcome is in the report. */
    List<Stamp> check(Map<String, byte[]> files, Report report) {
        byte[] indexBytes = files.get(INDEX);
        if (indexBytes == null) {
            report.notChecked("timestamps", "the package holds no trusted timestamp: its times are the instance's own");
            return List.of();
        }
        Object index;
        try {
            index = Json.parse(new String(indexBytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            report.failed(INDEX, e.getMessage());
            return List.of();
        }
        if (!(index instanceof List<?> entries)) {
            report.failed(INDEX, "is not a list of timestamps");
            return List.of();
        }
        if (roots.isEmpty()) {
            report.notChecked(
                    "timestamps",
                    "the authorities' certificates were not chained to a root you trust: give --tsa-ca ROOT.pem");
        }
        List<Stamp> stamps = new ArrayList<>();
        for (Object entry : entries) {
            Stamp stamp = checkOne(entry, files, report);
            if (stamp != null) {
                stamps.add(stamp);
            }
        }
        return stamps;
    }

    private Stamp checkOne(Object entry, Map<String, byte[]> files, Report report) {
        String file = Json.string(entry, "file");
        String digest = Json.string(entry, "digest");
        if (file == null || digest == null || !digest.matches("[0-9a-fA-F]{64}")) {
            report.failed(INDEX, "an entry lacks its file or its SHA-256 hex digest: " + entry);
            return null;
        }
        byte[] bytes = files.get(file);
        if (bytes == null) {
            report.failed(file, "is listed in " + INDEX + " but missing from the package");
            return null;
        }
        TimeStampToken token;
        try {
            TimeStampResponse response = new TimeStampResponse(bytes);
            token = response.getTimeStampToken();
            if (token == null) {
                report.failed(file, "holds no token: the authority answered status " + response.getStatus());
                return null;
            }
        } catch (TSPException | IOException | RuntimeException e) {
            // Damaged DER can fail anywhere in the ASN.1 parser.
            report.failed(file, "is not a readable RFC 3161 reply: " + e.getMessage());
            return null;
        }
        TimeStampTokenInfo info = token.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            report.failed(file, "stamps a " + info.getMessageImprintAlgOID() + " digest, not SHA-256");
            return null;
        }
        if (!Arrays.equals(info.getMessageImprintDigest(), HexFormat.of().parseHex(digest.toLowerCase()))) {
            report.failed(
                    file,
                    "stamps " + HexFormat.of().formatHex(info.getMessageImprintDigest()) + ", not the listed digest "
                            + digest);
            return null;
        }
        Instant genTime = info.getGenTime().toInstant();
        String listedTime = Json.string(entry, "stampedAt");
        if (listedTime != null && !sameInstant(listedTime, genTime)) {
            report.failed(file, INDEX + " says it was stamped at " + listedTime + " but the token says " + genTime);
            return null;
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> signers = token.getCertificates().getMatches(token.getSID());
        if (signers.isEmpty()) {
            report.notChecked(file, "the token does not carry the authority's certificate: its signature is unchecked");
            return null;
        }
        X509CertificateHolder signer = signers.iterator().next();
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException | OperatorCreationException | GeneralSecurityException e) {
            report.failed(file, "the authority's signature does not hold: " + e.getMessage());
            return null;
        }
        String authority = signer.getSubject().toString();
        if (!roots.isEmpty()) {
            try {
                chain(signer, token, genTime);
            } catch (GeneralSecurityException e) {
                report.failed(
                        file,
                        "the authority's certificate " + authority + " does not chain to a given root: "
                                + e.getMessage());
                return null;
            }
        }
        Object headSeq = Json.member(entry, "headSeq");
        long head = headSeq instanceof BigDecimal number ? number.longValue() : -1;
        report.proven(
                file,
                "signed by " + authority + (roots.isEmpty() ? " (root not checked)" : ", which chains to a given root")
                        + ": digest " + digest + " existed at " + genTime);
        return new Stamp(file, digest.toLowerCase(), head, genTime, authority);
    }

    private void chain(X509CertificateHolder signer, TimeStampToken token, Instant at) throws GeneralSecurityException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> carried = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
        for (X509CertificateHolder holder : all) {
            carried.add(converter.getCertificate(holder));
        }
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(converter.getCertificate(signer));
        Set<TrustAnchor> anchors =
                roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet());
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
        // Offline: revocation cannot be asked; the report's reader sees that the chain was checked at genTime only.
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
        CertPathBuilder.getInstance("PKIX").build(parameters);
    }

    private static boolean sameInstant(String text, Instant instant) {
        try {
            return Instant.parse(text).equals(instant);
        } catch (DateTimeParseException e) {
            // The token's own genTime is what counts; a listed time in another spelling is only a label.
            return true;
        }
    }
}
