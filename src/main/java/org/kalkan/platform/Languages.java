package org.kalkan.platform;

import java.util.List;

/**
 * The languages of the user interface, in the order the switcher offers them: English, then Azerbaijani (Latin),
 * Kazakh (Cyrillic), Kyrgyz (Cyrillic), Russian, Turkish and Uzbek (Latin). Every message bundle under
 * {@code i18n/} has a file for each of them, with the same keys (the build fails otherwise).
 */
public final class Languages {

    /** Language tags, as in {@code ?lang=} and {@code messages_<tag>.properties}. */
    public static final List<String> TAGS = List.of("en", "az", "kk", "ky", "ru", "tr", "uz");

    private Languages() {
    }

    public static boolean isSupported(String tag) {
        return TAGS.contains(tag);
    }
}
