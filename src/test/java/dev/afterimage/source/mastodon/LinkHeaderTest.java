package dev.afterimage.source.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mastodon's {@code Link} header names the older page by {@code max_id}. */
class LinkHeaderTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "<https://s.example/api/v1/accounts/1/statuses?limit=5&max_id=117020580489281910>; rel=\"next\", "
                        + "<https://s.example/api/v1/accounts/1/statuses?limit=5&min_id=9>; rel=\"prev\"|117020580489281910",
                "<https://s.example/api/v1/accounts/1/statuses?min_id=9>; rel=\"prev\", <https://s.example/x?max_id=7>; "
                        + "rel=next|7",
                "<https://s.example/api/v1/accounts/1/statuses?limit=5&min_id=9>; rel=\"prev\"|",
                "<https://s.example/x?since_max_id=7>; rel=\"next\"|",
                "garbage|"
            })
    void nextMaxIdIsTheOlderPage(String header, String maxId) {
        assertEquals(Optional.ofNullable(maxId), LinkHeader.nextMaxId(header));
    }
}
