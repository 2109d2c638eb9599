package dev.afterimage.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made in the test: a root, and certificates it issues for a TLS server or a time-stamping
 * authority. EC P-256 keys, because they are made in milliseconds.
 */
public final class TestPki {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final KeyPair rootKey;
    private final X509Certificate root;

    /** A key pair and its certificate, with the chain up to (not including) the root. */
    public record Issued(KeyPair keyPair, X509Certificate certificate, List<X509Certificate> chain) {}

    public TestPki(String name) {
        this.rootKey = keyPair();
        X500Name subject = new X500Name("CN=" + name + " Root, O=Afterimage tests");
        try {
            X509v3CertificateBuilder builder = builder(subject, subject, rootKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            this.root = sign(builder, rootKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public X509Certificate root() {
        return root;
    }

    /** A time-stamping authority's certificate: the one critical extended key usage RFC 3161 requires. */
    public Issued issueTimeStamping(String name) {
        return issue(name, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping), null);
    }

    /** A certificate for {@code name} without the time-stamping usage, as a TSA must not use. */
    public Issued issueWithoutTimeStamping(String name) {
        return issue(name, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth), null);
    }

    /** A TLS server certificate for {@code host} (a DNS name or an IP address). */
    public Issued issueServer(String host) {
        GeneralName alt = host.matches("[0-9.]+|.*:.*")
                ? new GeneralName(GeneralName.iPAddress, host)
                : new GeneralName(GeneralName.dNSName, host);
        return issue(host, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth), new GeneralNames(alt));
    }

    public static String pem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Issued issue(String name, ExtendedKeyUsage usage, GeneralNames altNames) {
        KeyPair key = keyPair();
        try {
            X509v3CertificateBuilder builder = builder(
                            X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                            new X500Name("CN=" + name + ", O=Afterimage tests"),
                            key)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.extendedKeyUsage, true, usage);
            if (altNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, altNames);
            }
            X509Certificate certificate = sign(builder, rootKey);
            return new Issued(key, certificate, List.of(certificate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair key) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(
                issuer,
                BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))),
                subject,
                key.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test certificate", e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform can make EC P-256 keys", e);
        }
    }
}
