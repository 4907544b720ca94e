package org.kalkan.platform;

import java.util.ArrayList;
import java.util.List;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Collects the labels of everything a page shows, so the banner carries the highest classification on it.
 * Controllers call {@link #show(SecurityLabel)} for each labelled record they put on a page.
 */
@Component
@RequestScope
public class PageMarking {

    private final List<SecurityLabel> labels = new ArrayList<>();

    public void show(SecurityLabel label) {
        labels.add(label);
    }

    public Classification classification() {
        return labels.stream().map(SecurityLabel::classification)
                .max(Enum::compareTo)
                .orElse(Classification.UNCLASSIFIED);
    }

    /** The banner text: the highest classification shown on the page. */
    public String banner() {
        return classification().name();
    }

    /** CSS class for the banner colour. */
    public String cssClass() {
        return "banner-" + classification().name().toLowerCase(java.util.Locale.ROOT);
    }
}
