package dev.afterimage.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.afterimage.InvalidFieldException;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSecretTest {

    @Test
    void generatedSecretIsWhsecAndBase64OfThirtyTwoRandomBytes() {
        WebhookSecret one = WebhookSecret.generate();
        WebhookSecret two = WebhookSecret.generate();

        assertTrue(one.value().startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(one.value().substring(6)).length);
        assertNotEquals(one, two);
    }

    @Test
    void hintShowsTooLittleToSign() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertEquals("whsec_MfKQ…", secret.hint());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"secret", "whsec_", "whsec_not base64!", "whsec_c2hvcnQ=", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"})
    void unusableSecretsAreRefusedNamingTheField(String value) {
        InvalidFieldException refused = assertThrows(InvalidFieldException.class, () -> WebhookSecret.parse(value));

        assertEquals("secret", refused.field());
    }
}
