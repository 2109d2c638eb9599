package dev.afterimage.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * One WireMock server for the whole test run, standing in for every platform and for a time-stamping authority:
 * the platforms' base URLs and the TSA URL point at it. Tests get it injected into a field annotated {@link InjectWireMock}.
 */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    /** Where the test TSA answers, once a test stubs it. */
    public static final String TSA_PATH = "/tsa";

    /** The property holding the test TSA's root certificate (PEM), for {@code openssl ts -verify -CAfile}. */
    public static final String TSA_ROOT_PROPERTY = "test.tsa-root-pem";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        TestTsa tsa = new TestTsa();
        server = new WireMockServer(WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .extensions(new TestTsaTransformer(tsa)));
        server.start();
        return Map.ofEntries(
                Map.entry("afterimage.platforms.telegram.base-url", server.baseUrl()),
                Map.entry("afterimage.platforms.mastodon.base-url", server.baseUrl()),
                Map.entry("afterimage.platforms.bluesky.base-url", server.baseUrl()),
                Map.entry("afterimage.platforms.x.base-url", server.baseUrl()),
                Map.entry("afterimage.platforms.facebook.base-url", server.baseUrl()),
                Map.entry("afterimage.platforms.vk.base-url", server.baseUrl()),
                // The time-stamping authority: a stub answering as the TestTsa (see TestTsaTransformer).
                Map.entry("afterimage.evidence.tsa-urls", server.baseUrl() + TSA_PATH),
                Map.entry(TSA_ROOT_PROPERTY, tsa.rootPem()));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Marks the test field that receives the shared WireMock server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectWireMock {}
}
