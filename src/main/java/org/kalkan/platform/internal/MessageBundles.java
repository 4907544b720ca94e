package org.kalkan.platform.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One message bundle per module under {@code i18n/} ({@code messages} for the shell, {@code council} for the
 * council, ...), found at start, so a module adds its texts without editing anyone else's file.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

    @Bean
    MessageSource messageSource() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
        String[] basenames = Arrays.stream(resources)
                .map(Resource::getFilename)
                .filter(Objects::nonNull)
                .map(name -> name.substring(0, name.length() - ".properties".length()))
                .filter(name -> !name.matches(".*_[a-z]{2}"))
                .map(name -> "i18n/" + name)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                .toArray(String[]::new);
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
