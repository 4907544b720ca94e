package org.kalkan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every UI text exists in every language of the interface ({@link Languages}), with the same placeholders: a missing
 * key would show as a raw key to the user, a lost {@code {0}} would drop a name or a number. Part of the build
 * ({@code mvn verify}), so a bundle that misses a key in any language fails it.
 */
class MessageBundlesTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    /** A message key written literally in a template: {@code #{crisis.title}} or {@code #{crisis.by(${x})}}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");

    static Stream<String> translations() {
        return Languages.TAGS.stream().filter(tag -> !tag.equals("en"));
    }

    @ParameterizedTest
    @MethodSource("translations")
    void everyLanguageHasEveryKey(String language) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String base : bases()) {
            Properties english = load("i18n/" + base + ".properties");
            Properties translated = load("i18n/" + base + "_" + language + ".properties");
            Set<String> lacking = new TreeSet<>(english.stringPropertyNames());
            lacking.removeAll(translated.stringPropertyNames());
            lacking.forEach(key -> missing.add(base + "_" + language + ": " + key));
            Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
            extra.removeAll(english.stringPropertyNames());
            extra.forEach(key -> missing.add(base + "_" + language + " has a key English lacks: " + key));
            translated.forEach((key, value) -> {
                if (value.toString().isBlank()) {
                    missing.add(base + "_" + language + ": " + key + " is blank");
                }
            });
        }
        assertThat(missing).as("keys missing in " + language).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("translations")
    void translationsKeepEveryPlaceholder(String language) throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String base : bases()) {
            Properties english = load("i18n/" + base + ".properties");
            Properties translated = load("i18n/" + base + "_" + language + ".properties");
            for (String key : english.stringPropertyNames()) {
                String text = translated.getProperty(key);
                if (text != null && !placeholders(text).equals(placeholders(english.getProperty(key)))) {
                    wrong.add(base + "_" + language + ": " + key + " has " + placeholders(text) + ", English "
                            + placeholders(english.getProperty(key)));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Apostrophes as MessageFormat reads them: a text with placeholders doubles each one ({@code ''}), since a lone
     * one would swallow what follows; a text without placeholders is shown as written, so it must not double them.
     */
    @Test
    void apostrophesAreWrittenAsTheyWillBeShown() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String base : bases()) {
            for (String language : Languages.TAGS) {
                String file = base + (language.equals("en") ? "" : "_" + language);
                load("i18n/" + file + ".properties").forEach((key, value) -> {
                    String text = value.toString();
                    boolean formatted = !placeholders(text).isEmpty();
                    String withoutPairs = text.replace("''", "");
                    if (formatted && withoutPairs.contains("'")) {
                        wrong.add(file + ": " + key + " has a lone apostrophe (write '' in a text with {0})");
                    } else if (!formatted && text.contains("''")) {
                        wrong.add(file + ": " + key + " doubles an apostrophe (it has no {0}: write one)");
                    }
                });
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExistsInEnglish() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String base : bases()) {
            known.addAll(load("i18n/" + base + ".properties").stringPropertyNames());
        }
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher keys = TEMPLATE_KEY.matcher(Files.readString(template));
                while (keys.find()) {
                    if (!known.contains(keys.group(1))) {
                        unknown.add(template.getFileName() + ": " + keys.group(1));
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyBundleHasAFileForEveryLanguageAndNoOther() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String base : bases()) {
            expected.add(base + ".properties");
            translations().forEach(language -> expected.add(base + "_" + language + ".properties"));
        }
        Set<String> present = new TreeSet<>();
        for (Resource bundle : resources()) {
            present.add(bundle.getFilename());
        }
        assertThat(present).isEqualTo(expected);
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> bases() throws IOException {
        Set<String> bases = new TreeSet<>();
        for (Resource bundle : resources()) {
            String name = bundle.getFilename();
            if (name != null && !name.matches(".*_[a-z]{2}\\.properties")) {
                bases.add(name.substring(0, name.length() - ".properties".length()));
            }
        }
        return bases;
    }

    private static Resource[] resources() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
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
