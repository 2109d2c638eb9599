package dev.afterimage.source.telegram;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where Telegram's public web preview is read from. */
@ConfigMapping(prefix = "afterimage.platforms.telegram")
public interface TelegramConfig {

    /** Base URL pages are fetched from; tests point it at a stand-in. Archived post URLs stay https://t.me/... */
    @WithDefault("https://t.me")
    String baseUrl();
}
