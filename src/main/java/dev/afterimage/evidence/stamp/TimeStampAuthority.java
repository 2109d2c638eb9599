package dev.afterimage.evidence.stamp;

import dev.afterimage.source.http.HttpOutcome;
import dev.afterimage.source.http.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Asks an RFC 3161 time-stamping authority over HTTP to date a SHA-256 hash, through the service's one HTTP layer
 * (its address policy and time limits), and checks the reply before anyone relies on it: status granted, the
 * imprint is our hash, the nonce is ours, the signature verifies with the certificate the token names, and that
 * certificate is meant for time stamping (its one, critical, extended key usage). Whether the authority's root is
 * trusted is for whoever reads the evidence to decide; docs/evidence.md says how.
 */
@ApplicationScoped
class TimeStampAuthority {

    /** A reply is a signed structure with a short certificate chain: tens of KiB at most. */
    private static final int MAX_REPLY_BYTES = 256 * 1024;

    private final WebClient web;
    private final TimestampConfig config;
    private final SecureRandom random = new SecureRandom();

    TimeStampAuthority(WebClient web, TimestampConfig config) {
        this.web = web;
        this.config = config;
    }

    StampReply stamp(String tsaUrl, String sha256Hex) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        // The signing certificate in the reply lets anyone check it without fetching the TSA's certificate elsewhere.
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(
                TSPAlgorithms.SHA256, HexFormat.of().parseHex(sha256Hex), new BigInteger(64, random));
        byte[] query;
        try {
            query = request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("a time-stamp request cannot be encoded", e);
        }
        HttpOutcome outcome = web.post(
                tsaUrl,
                Map.of("Accept", "application/timestamp-reply"),
                query,
                "application/timestamp-query",
                config.timeout(),
                MAX_REPLY_BYTES);
        return switch (outcome) {
            case HttpOutcome.Failed failed -> new StampReply.Failed(failed.reason());
            case HttpOutcome.Received received
            when received.status() != 200 -> new StampReply.Failed("HTTP " + received.status() + " from " + tsaUrl);
            case HttpOutcome.Received received -> check(request, received.body());
        };
    }

    /** Checks a reply to {@code request}; exposed to the package for checking stored replies again. */
    static StampReply check(TimeStampRequest request, byte[] reply) {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(reply);
        } catch (TSPException | IOException | RuntimeException e) {
            return new StampReply.Failed("the reply is not a time-stamp response: " + e.getMessage());
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            return new StampReply.Failed("the authority did not grant a stamp (status " + response.getStatus() + ": "
                    + response.getStatusString() + ")");
        }
        try {
            // The imprint, the nonce and the certificate request are ours.
            response.validate(request);
        } catch (TSPException e) {
            return new StampReply.Failed("the reply does not answer our request: " + e.getMessage());
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> signers = token.getCertificates().getMatches(token.getSID());
        if (signers.isEmpty()) {
            return new StampReply.Failed("the reply does not hold the certificate it was signed with");
        }
        X509CertificateHolder signer = signers.iterator().next();
        try {
            // Checks the signature, and that the certificate was valid at genTime and is for time stamping only.
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException e) {
            return new StampReply.Failed("the stamp does not verify: " + e.getMessage()
                    + (e.getCause() instanceof CMSException cms ? " (" + cms.getMessage() + ")" : ""));
        } catch (OperatorCreationException | CertificateException e) {
            return new StampReply.Failed("the signing certificate cannot be used: " + e.getMessage());
        }
        return new StampReply.Stamped(
                reply,
                token.getTimeStampInfo().getGenTime().toInstant(),
                signer.getSubject().toString());
    }
}
