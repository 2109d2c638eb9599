package dev.afterimage.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Lets a WireMock stub answer as the {@link TestTsa}: {@code aResponse().withTransformers(NAME)}, optionally with
 * {@code withTransformerParameter("fault", "WRONG_IMPRINT")}.
 */
public final class TestTsaTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "test-tsa";

    private final TestTsa tsa;

    public TestTsaTransformer(TestTsa tsa) {
        this.tsa = tsa;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Object fault = serveEvent.getTransformerParameters().getOrDefault("fault", "NONE");
        byte[] reply = tsa.reply(serveEvent.getRequest().getBody(), TestTsa.Fault.valueOf(String.valueOf(fault)));
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                .but()
                .withStatus(200)
                .withHeader("Content-Type", "application/timestamp-reply")
                .withBody(reply)
                .build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
