package org.kalkan.platform;

import java.util.SortedSet;
import org.kalkan.shared.Classification;
import org.kalkan.shared.SecurityLabel;

/**
 * Collects the labels of everything a page shows, so the banner carries the highest classification on it and the
 * releasability common to all of it (what the page as a whole may be released to). Controllers call
 * {@link #show(SecurityLabel)} for each labelled record they put on a page. One per request (implemented in
 * {@code platform.web}); the shell layout reads it as the bean {@code pageMarking}.
 */
public interface PageMarking {

    /** Records that the page shows a record with this label. */
    void show(SecurityLabel label);

    /** The highest classification shown; {@code UNCLASSIFIED} when nothing labelled is shown. */
    Classification classification();

    /** The releasability common to every record shown; empty when nothing labelled is shown. */
    SortedSet<String> releasableTo();

    /**
     * The banner text: the highest classification shown on the page and the releasability common to everything on
     * it, e.g. {@code SECRET // REL TO AZE, TUR}; {@code UNCLASSIFIED} for a page that shows no labelled record.
     */
    String banner();

    /** CSS class for the banner colour. */
    String cssClass();
}
