package dev.afterimage.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A time-stamping authority made in the test with Bouncy Castle: a root, a TSA certificate with the time-stamping
 * usage, and {@link #reply} answering a DER TimeStampReq as a real TSA would, or with one of the faults a real one
 * might have.
 */
public final class TestTsa {

    /** How the answer is spoiled. */
    public enum Fault {
        NONE,
        /** A valid stamp, but on another hash than the one asked. */
        WRONG_IMPRINT,
        /** Signed with a key that is not the certificate's. */
        BAD_SIGNATURE,
        /** Not a time-stamp response at all. */
        GARBAGE
    }

    private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    private final TestPki pki = new TestPki("Test TSA");
    private final TestPki.Issued tsa = pki.issueTimeStamping("Test TSA");
    private final KeyPair impostor = keyPair();
    private final AtomicLong serials = new AtomicLong();

    /** The root certificate, PEM: what {@code openssl ts -verify -CAfile} is given. */
    public String rootPem() {
        return TestPki.pem(pki.root());
    }

    public byte[] reply(byte[] query, Fault fault) {
        if (fault == Fault.GARBAGE) {
            return "<html>Service temporarily unavailable</html>".getBytes(StandardCharsets.UTF_8);
        }
        try {
            TimeStampRequest request = new TimeStampRequest(query);
            if (fault == Fault.WRONG_IMPRINT) {
                byte[] other = request.getMessageImprintDigest().clone();
                other[0] ^= 1;
                TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
                generator.setCertReq(request.getCertReq());
                request = generator.generate(TSPAlgorithms.SHA256, other, request.getNonce());
            }
            KeyPair signer = fault == Fault.BAD_SIGNATURE ? impostor : tsa.keyPair();
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder()
                            .build("SHA256withECDSA", signer.getPrivate(), tsa.certificate()),
                    // SHA-256 for the signing certificate's identifier (ESSCertIDv2), as current TSAs do.
                    new JcaDigestCalculatorProviderBuilder()
                            .build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
            return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                    .generate(request, BigInteger.valueOf(serials.incrementAndGet()), new Date())
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TSPException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("the test TSA cannot answer", e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
