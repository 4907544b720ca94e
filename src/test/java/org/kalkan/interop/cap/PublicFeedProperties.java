package org.kalkan.interop.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.AlertRequest;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.Precedence;
import org.kalkan.notification.Recipients;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestContextManager;

/**
 * Against the running node (the shared test context, injected by Spring's TestContextManager since jqwik runs
 * outside JUnit Jupiter): whatever the label of an alert and whatever a client asks, nothing above the public
 * release is ever in the feed or at a CAP URL, and what the release covers is there.
 */
@KalkanTest
class PublicFeedProperties {

    private static final List<String> ENTRIES = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM", "MEMBERS",
            "ALL");
    private static final Subject WATCH = new Subject("cmc.watch", NationCode.of("TUR"), Classification.SECRET,
            java.util.Set.of(Role.WATCH_OFFICER));

    @Autowired Alerts alerts;
    @Value("${local.server.port}") int port;

    @BeforeProperty
    void inject() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
    }

    @Property(tries = 80)
    void nothingAboveThePublicReleaseIsEverInTheFeedOrAtItsUrl(@ForAll("labels") SecurityLabel label,
            @ForAll("asks") String ask) {
        ApiClient api = new ApiClient(port);
        AlertId id = alerts.raise(WATCH, AlertRequest.of("Property " + UUID.randomUUID(), Recipients.users("cmc.watch"),
                Precedence.ROUTINE, label));
        boolean released = label.classification() == Classification.UNCLASSIFIED
                && label.releasableTo().contains("ALL");

        for (String suffix : List.of(".xml", ".edxlde")) {
            var response = api.get("/cap/alerts/" + id + suffix + ask, null);
            assertThat(response.status()).as("%s%s%s for %s", id, suffix, ask, label.marking())
                    .isEqualTo(released ? 200 : 404);
            if (!released) {
                assertThat(response.body()).doesNotContain("Property ");
            }
        }
        var feed = api.get("/cap/alerts.atom" + ask, null);
        assertThat(feed.status()).isEqualTo(200);
        if (released && !ask.startsWith("?before=")) {
            assertThat(feed.body()).contains(id.toString());
        } else {
            assertThat(feed.body()).doesNotContain(id.toString());
        }
        assertThat(alerts.released(SecurityLabel.of(Classification.UNCLASSIFIED, "ALL"), id).isPresent())
                .isEqualTo(released);
    }

    @Provide
    Arbitrary<SecurityLabel> labels() {
        return Combinators.combine(Arbitraries.of(Classification.class),
                Arbitraries.of(ENTRIES).set().ofMinSize(1).ofMaxSize(3)).as(SecurityLabel::of);
    }

    /** What a client might add to the URL hoping to see more: none of it may matter. */
    @Provide
    Arbitrary<String> asks() {
        return Arbitraries.of("", "?classification=SECRET", "?releasableTo=AZE", "?exercise=" + UUID.randomUUID(),
                "?access_token=x", "?before=" + Instant.EPOCH);
    }
}
