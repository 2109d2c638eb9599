package dev.afterimage.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * An OpenID Connect provider on WireMock, enough for the authorization code flow: discovery, its signing key, and a
 * token endpoint that answers any code with an ID token for {@link #USER}, a member of {@link #EDITORS}, signed by a
 * key made at start.
 */
public class FakeOidcProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "afterimage";
    static final String USER = "ada";
    static final String EDITORS = "newsroom-editors";
    static final String REALM = "/realms/newsroom";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String issuer = server.baseUrl() + REALM;
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("fake-provider-key");
            server.stubFor(get(urlPathEqualTo(REALM + "/.well-known/openid-configuration"))
                    .willReturn(okJson(
                            """
                            {"issuer": "%1$s",
                             "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                             "token_endpoint": "%1$s/protocol/openid-connect/token",
                             "jwks_uri": "%1$s/protocol/openid-connect/certs",
                             "end_session_endpoint": "%1$s/protocol/openid-connect/logout",
                             "response_types_supported": ["code"],
                             "subject_types_supported": ["public"],
                             "id_token_signing_alg_values_supported": ["RS256"]}
                            """
                                    .formatted(issuer))));
            server.stubFor(get(urlPathEqualTo(REALM + "/protocol/openid-connect/certs"))
                    .willReturn(okJson("{\"keys\": [" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}")));
            server.stubFor(post(urlPathEqualTo(REALM + "/protocol/openid-connect/token"))
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"access_token\": \"" + token(key, issuer) + "\", \"id_token\": \""
                                    + token(key, issuer) + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}")));
        } catch (JoseException e) {
            throw new IllegalStateException("could not make the fake provider's key", e);
        }
        return Map.of(
                "quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", "fake-provider-secret",
                "afterimage.security.sso.editor-groups", EDITORS);
    }

    private static String token(RsaJsonWebKey key, String issuer) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(CLIENT_ID);
        claims.setSubject("f3c1-" + USER);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setClaim("preferred_username", USER);
        claims.setClaim("azp", CLIENT_ID);
        claims.setStringListClaim("groups", List.of(EDITORS, "staff"));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
