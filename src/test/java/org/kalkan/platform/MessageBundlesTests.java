package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every UI text exists in every shell language: a missing key would show as a raw key to the user. */
class MessageBundlesTests {

    @ParameterizedTest
    @ValueSource(strings = {"tr", "ru"})
    void everyLanguageHasEveryKey(String language) throws IOException {
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String name = bundle.getFilename();
            if (name == null || name.matches(".*_[a-z]{2}\\.properties")) {
                continue;
            }
            String base = name.substring(0, name.length() - ".properties".length());
            Properties english = load("i18n/" + name);
            Properties translated = load("i18n/" + base + "_" + language + ".properties");
            assertThat(translated.stringPropertyNames()).as(base + "_" + language)
                    .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
            translated.forEach((key, value) -> assertThat(value.toString()).as(key.toString()).isNotBlank());
        }
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (var in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
