package dev.afterimage.source.http;

import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;
import okhttp3.Handshake;

/**
 * The TLS session an https fetch was answered over: what proves, to anyone holding the platform's CA roots, that
 * the bytes came from a server holding the platform's certificate.
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param certificateChainPem the server's certificates as it presented them, leaf first, PEM-encoded
 */
public record TlsSession(String protocol, String cipherSuite, String certificateChainPem) {

    static TlsSession of(Handshake handshake) {
        return new TlsSession(
                handshake.tlsVersion().javaName(),
                handshake.cipherSuite().javaName(),
                pem(handshake.peerCertificates()));
    }

    static String pem(List<Certificate> certificates) {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
        StringBuilder pem = new StringBuilder();
        for (Certificate certificate : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(base64.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a certificate the TLS stack accepted cannot be encoded", e);
            }
        }
        return pem.toString();
    }
}
