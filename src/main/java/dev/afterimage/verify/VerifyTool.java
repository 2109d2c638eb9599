package dev.afterimage.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar afterimage-verify.jar FILE.wacz [--tsa-ca ROOT.pem ...] [--key PUBKEY]}: checks an evidence
 * package without Afterimage, prints what it proves and what could not be checked, and exits 0 only when everything
 * checked holds (1 when something failed, 2 when the command itself is wrong).
 */
public final class VerifyTool {

    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int USAGE = 2;

    private static final String HELP =
            """
            usage: java -jar afterimage-verify.jar FILE.wacz [--tsa-ca ROOT.pem ...] [--key PUBKEY]
              --tsa-ca ROOT.pem  a time-stamping authority's root certificate (PEM) you trust; repeatable
              --key PUBKEY       the signing key the archive's operator publishes: its SHA-256 fingerprint (hex),
                                 or the key itself (PEM or base64), or a file holding either
            Exit status: 0 everything checked holds, 1 something failed, 2 usage error.""";

    private VerifyTool() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one verification as the command line would; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path wacz = null;
        List<X509Certificate> roots = new ArrayList<>();
        Optional<String> key = Optional.empty();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tsa-ca" -> roots.addAll(certificates(Path.of(value(args, ++i, "--tsa-ca"))));
                    case "--key" -> key = Optional.of(keyText(value(args, ++i, "--key")));
                    case "-h", "--help" -> {
                        out.println(HELP);
                        return USAGE;
                    }
                    default -> {
                        if (args[i].startsWith("--") || wacz != null) {
                            throw new IllegalArgumentException("unexpected argument " + args[i]);
                        }
                        wacz = Path.of(args[i]);
                    }
                }
            }
            if (wacz == null) {
                throw new IllegalArgumentException("name the package to check");
            }
            if (!Files.isRegularFile(wacz)) {
                throw new IllegalArgumentException(wacz + " is not a file");
            }
        } catch (IllegalArgumentException | IOException | CertificateException e) {
            err.println("afterimage-verify: " + e.getMessage());
            err.println(HELP);
            return USAGE;
        }
        try {
            Report report = new PackageVerifier(roots, key).verify(wacz);
            report.print(out);
            return report.holds() ? VERIFIED : NOT_VERIFIED;
        } catch (IOException e) {
            out.println("RESULT: NOT VERIFIED. " + wacz + " cannot be read as a ZIP package: " + e.getMessage());
            return NOT_VERIFIED;
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static String keyText(String value) throws IOException {
        Path file = Path.of(value);
        return value.length() < 4096 && Files.isRegularFile(file) ? Files.readString(file) : value;
    }

    private static List<X509Certificate> certificates(Path pem) throws IOException, CertificateException {
        if (!Files.isRegularFile(pem)) {
            throw new IllegalArgumentException("--tsa-ca " + pem + " is not a file");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (var certificate : factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem)))) {
            certificates.add((X509Certificate) certificate);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("--tsa-ca " + pem + " holds no certificate");
        }
        return certificates;
    }
}
