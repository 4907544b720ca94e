package org.kalkan.cop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.cop.CopProperties;
import org.kalkan.cop.LiveEvent;
import org.kalkan.members.NationDirectory;
import org.kalkan.security.AccessPolicy;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * The fan-out alone, over connections the test controls: frames in the SSE format, numbered per subscriber, filtered
 * by the policy; a subscriber whose connection takes nothing falls behind and is dropped to a resync while the others
 * receive everything; and subscribers cost no thread each.
 */
class LiveStreamFanOutTests {

    private final LiveStream stream = new LiveStream(new AccessPolicy(new Members(), null),
            new CopProperties(8, Duration.ofSeconds(15), Duration.ofMinutes(30), ""), new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        stream.stop();
    }

    @Test
    void eachSubscriberGetsWhatItMayReadNumberedFromOne() {
        Sink tur = new Sink(true);
        Sink kaz = new Sink(true);
        stream.subscribe(subject("tur.officer", "TUR"), tur);
        stream.subscribe(subject("kaz.officer", "KAZ"), kaz);
        stream.publish(event("a", "CONFIDENTIAL", "AZE", "TUR"));
        stream.publish(event("b", "RESTRICTED", "MEMBERS"));
        await().atMost(Duration.ofSeconds(10)).until(() -> tur.events().size() == 3 && kaz.events().size() == 2);

        assertThat(tur.text()).startsWith("event:stream.open\nid:1\ndata:{\"subscriber\":\"tur.officer\"}\n\n")
                .contains("event:incident.reported\nid:2\ndata:{\"title\":\"a\"}\n\n")
                .contains("event:incident.reported\nid:3\ndata:{\"title\":\"b\"}\n\n");
        // KAZ never learns that an event passed it by: its ids do not skip.
        assertThat(kaz.text()).doesNotContain("\"a\"").contains("id:2\ndata:{\"title\":\"b\"}");
    }

    @Test
    void aSubscriberThatFallsBehindIsDroppedToAResyncWhileTheOthersReceiveEverything() {
        Sink stuck = new Sink(false);
        Sink reading = new Sink(true);
        LiveStream.Subscription behind = stream.subscribe(subject("tur.officer", "TUR"), stuck);
        stream.subscribe(subject("aze.officer", "AZE"), reading);
        for (int i = 0; i < 20; i++) {
            stream.publish(event("e" + i, "RESTRICTED", "MEMBERS"));
            int expected = i + 2;
            // The reader keeps up (its queue holds 8); the stuck one's fills and overflows.
            await().atMost(Duration.ofSeconds(10)).until(() -> reading.events().size() == expected);
        }
        assertThat(stuck.text()).isEmpty();
        assertThat(stream.subscriberCount()).isEqualTo(2);

        stuck.ready = true;
        behind.writable();
        await().atMost(Duration.ofSeconds(10)).until(() -> stuck.closed);
        assertThat(stuck.events()).containsExactly("stream.resync");
        assertThat(stream.subscriberCount()).isEqualTo(1);
        stream.publish(event("after", "RESTRICTED", "MEMBERS"));
        await().atMost(Duration.ofSeconds(10)).until(() -> reading.events().size() == 22);
        assertThat(stuck.events()).containsExactly("stream.resync");
    }

    @Test
    void aQuietStreamGetsHeartbeatsAndAGoneOneIsForgotten() {
        Sink quiet = new Sink(true);
        LiveStream.Subscription subscription = stream.subscribe(subject("uzb.officer", "UZB"), quiet);
        await().atMost(Duration.ofSeconds(10)).until(() -> quiet.events().size() == 1);
        stream.heartbeat(); // the open event counts as traffic
        stream.heartbeat();
        await().atMost(Duration.ofSeconds(10)).until(() -> quiet.text().endsWith(":heartbeat\n\n"));
        subscription.ended();
        assertThat(stream.subscriberCount()).isZero();
        assertThat(quiet.closed).isTrue();
    }

    @Test
    void aConnectionThatTakesOneWriteAtATimeGetsEveryEventWhole() {
        Sink slow = new Sink(true);
        slow.oneWriteAtATime = true;
        LiveStream.Subscription subscription = stream.subscribe(subject("tur.officer", "TUR"), slow);
        for (int i = 0; i < 6; i++) {
            stream.publish(event("e" + i, "RESTRICTED", "MEMBERS"));
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
            slow.makeRoom(subscription);
            return slow.events().size() == 7 || slow.closed;
        });
        assertThat(slow.closed).isFalse();
        assertThat(slow.text()).contains("id:7\ndata:{\"title\":\"e5\"}\n\n");
    }

    @Test
    void aThousandSubscribersCostNoThreadEach() {
        int threadsBefore = Thread.activeCount();
        List<Sink> sinks = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Sink sink = new Sink(true);
            sinks.add(sink);
            stream.subscribe(subject("user" + i, "TUR"), sink);
        }
        stream.publish(event("everyone", "RESTRICTED", "MEMBERS"));
        await().atMost(Duration.ofSeconds(30)).until(() -> sinks.stream().allMatch(s -> s.events().size() == 2));
        assertThat(Thread.activeCount() - threadsBefore).isLessThan(10);
    }

    private static Subject subject(String username, String nation) {
        return new Subject(username, NationCode.of(nation), Classification.SECRET, Set.of(Role.REPORTING_OFFICER));
    }

    private static LiveEvent event(String title, String classification, String... releasableTo) {
        return new LiveEvent("incident.reported", title, Map.of("title", title),
                SecurityLabel.of(Classification.valueOf(classification), List.of(releasableTo)), null, null);
    }

    /** A connection: takes everything while ready, nothing otherwise. */
    private static final class Sink implements StreamSink {

        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        volatile boolean ready;
        volatile boolean closed;
        // Like a servlet stream in non-blocking mode whose buffer one write fills: not ready again until sent.
        volatile boolean oneWriteAtATime;

        Sink(boolean ready) {
            this.ready = ready;
        }

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public synchronized void write(byte[] bytes) {
            if (oneWriteAtATime) {
                if (!ready) {
                    throw new IllegalStateException("write while not ready"); // as Tomcat's non-blocking stream
                }
                ready = false;
            }
            written.writeBytes(bytes);
        }

        @Override
        public void flush() {
            if (oneWriteAtATime && !ready) {
                throw new IllegalStateException("flush while not ready");
            }
        }

        /** The container has sent what was buffered: one more write may go, and the subscription hears so. */
        void makeRoom(LiveStream.Subscription subscription) {
            ready = true;
            subscription.writable();
        }

        @Override
        public void close() {
            closed = true;
        }

        synchronized String text() {
            return written.toString(StandardCharsets.UTF_8);
        }

        List<String> events() {
            List<String> types = new ArrayList<>();
            Matcher m = Pattern.compile("event:([a-z.]+)\n").matcher(text());
            while (m.find()) {
                types.add(m.group(1));
            }
            return types;
        }
    }

    /** The alliance's nations and communities, enough for the policy to decide. */
    private static final class Members implements NationDirectory {

        private static final Set<String> MEMBERS = Set.of("AZE", "KAZ", "KGZ", "TUR", "UZB");

        @Override
        public boolean isKnownNation(String code) {
            return MEMBERS.contains(code) || code.equals("HUN");
        }

        @Override
        public boolean isKnownReleasabilityEntry(String entry) {
            return isKnownNation(entry) || entry.equals("MEMBERS") || entry.equals("ALL");
        }

        @Override
        public Set<String> communitiesOf(NationCode nation) {
            return MEMBERS.contains(nation.value()) ? Set.of("MEMBERS", "ALL") : Set.of("ALL");
        }

        @Override
        public Set<String> releasabilityEntries() {
            return Set.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "MEMBERS", "ALL");
        }

        @Override
        public Set<NationCode> expand(Collection<String> releasableTo) {
            throw new UnsupportedOperationException("not needed by the read decision");
        }
    }
}
