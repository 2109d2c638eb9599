package dev.afterimage.testkit;

import dev.afterimage.archive.EvidenceEntry;
import dev.afterimage.evidence.PackageContributor;
import dev.afterimage.evidence.PackageFile;
import dev.afterimage.evidence.PackageScope;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A time-stamping authority made in the test with Bouncy Castle, standing in for the trusted-time feature in
 * evidence packages: it stamps the current head of the evidence chain and adds the token, {@code
 * timestamps/index.json} and the chain entries from the first packaged one up to that head. Its root certificate is
 * {@link #rootPem()}.
 */
@ApplicationScoped
public class FakeTimeStampAuthority implements PackageContributor {

    public static final String URL = "https://tsa.example/tsr";

    private static final Authority AUTHORITY = Authority.create();
    private static final AtomicLong SERIALS = new AtomicLong();

    /** The root certificate a reader would trust, as PEM. */
    public static String rootPem() {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(AUTHORITY.encodedRoot())
                + "\n-----END CERTIFICATE-----\n";
    }

    @Override
    public List<PackageFile> filesFor(PackageScope scope) {
        if (scope.chainSeqs().isEmpty()) {
            return List.of();
        }
        List<EvidenceEntry> entries =
                EvidenceEntry.list("seq >= ?1 order by seq", scope.chainSeqs().getFirst());
        EvidenceEntry head = entries.getLast();
        Token token = AUTHORITY.stamp(HexFormat.of().parseHex(head.entryHash));
        StringBuilder chain = new StringBuilder();
        for (EvidenceEntry entry : entries) {
            chain.append(
                    "{\"seq\":%d,\"kind\":\"%s\",\"recordRef\":\"%s\",\"recordHash\":\"%s\",\"previousHash\":\"%s\",\"entryHash\":\"%s\"}\n"
                            .formatted(
                                    entry.seq,
                                    entry.kind,
                                    entry.recordRef,
                                    entry.recordHash,
                                    entry.previousHash,
                                    entry.entryHash));
        }
        String index =
                "[{\"file\":\"timestamps/1.tsr\",\"digest\":\"%s\",\"tsa\":\"%s\",\"stampedAt\":\"%s\",\"headSeq\":%d}]"
                        .formatted(head.entryHash, URL, token.genTime(), head.seq);
        return List.of(
                new PackageFile("timestamps/1.tsr", token.der()),
                new PackageFile("timestamps/index.json", index.getBytes(StandardCharsets.UTF_8)),
                new PackageFile("chain/stamped-1.jsonl", chain.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private record Token(byte[] der, Instant genTime) {}

    /** A root CA and the time-stamping certificate it issued. */
    private static final class Authority {

        private final X509Certificate root;
        private final TimeStampTokenGenerator tokens;

        private Authority(X509Certificate root, TimeStampTokenGenerator tokens) {
            this.root = root;
            this.tokens = tokens;
        }

        static Authority create() {
            try {
                KeyPair rootKeys = ecKeys();
                KeyPair tsaKeys = ecKeys();
                X500Name rootName = new X500Name("CN=Fake TSA Root, O=Afterimage tests");
                X500Name tsaName = new X500Name("CN=Fake TSA, O=Afterimage tests");
                Instant now = Instant.now();
                X509v3CertificateBuilder rootBuilder = new JcaX509v3CertificateBuilder(
                                rootName,
                                BigInteger.ONE,
                                Date.from(now.minus(Duration.ofDays(3650))),
                                Date.from(now.plus(Duration.ofDays(3650))),
                                rootName,
                                rootKeys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
                X509Certificate root = converter.getCertificate(
                        rootBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
                X509v3CertificateBuilder tsaBuilder = new JcaX509v3CertificateBuilder(
                                rootName,
                                BigInteger.TWO,
                                Date.from(now.minus(Duration.ofDays(3650))),
                                Date.from(now.plus(Duration.ofDays(3650))),
                                tsaName,
                                tsaKeys.getPublic())
                        // RFC 3161 §2.3: the one purpose, marked critical.
                        .addExtension(
                                Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                X509Certificate tsa = converter.getCertificate(
                        tsaBuilder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKeys.getPrivate())));
                TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                        new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsaKeys.getPrivate(), tsa),
                        new JcaDigestCalculatorProviderBuilder()
                                .build()
                                .get(new AlgorithmIdentifier(TSPAlgorithms.SHA256)),
                        new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
                tokens.addCertificates(new JcaCertStore(List.of(tsa, root)));
                return new Authority(root, tokens);
            } catch (GeneralSecurityException | OperatorCreationException | IOException | TSPException e) {
                throw new IllegalStateException("the fake time-stamping authority cannot be made", e);
            }
        }

        byte[] encodedRoot() {
            try {
                return root.getEncoded();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A DER TimeStampResp granting a token over the digest, as a TSA sends it. */
        synchronized Token stamp(byte[] digest) {
            try {
                TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
                requests.setCertReq(true);
                BigInteger nonce = BigInteger.valueOf(SERIALS.incrementAndGet());
                TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, digest, nonce);
                // Whole seconds: genTime as TSAs commonly give it, and as index.json repeats it.
                Date genTime = Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
                byte[] der = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
                        .generate(request, nonce, genTime)
                        .getEncoded();
                return new Token(der, genTime.toInstant());
            } catch (TSPException | IOException e) {
                throw new IllegalStateException("the fake time-stamping authority failed to stamp", e);
            }
        }
    }

    private static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
