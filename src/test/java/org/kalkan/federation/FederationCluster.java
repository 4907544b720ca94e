package org.kalkan.federation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The three-node federation of the tests, started once per test JVM (whole nodes are heavy) and shared by every
 * federation test class, like the demo: the centre CMC (all nations) and the national nodes AZE and KAZ, each peered
 * with the centre over a {@link FaultProxy} per direction; AZE and KAZ know each other only as originators (no link),
 * so what one releases to the other travels through the centre, verified end to end. Tests heal the proxies they
 * fault and use records of their own, so they do not disturb each other.
 */
final class FederationCluster {

    static final List<String> ALL_NATIONS = List.of("AZE", "KAZ", "KGZ", "TUR", "UZB", "HUN", "TKM");

    private static @Nullable FederationCluster shared;

    final FederationNode cmc;
    final FederationNode aze;
    final FederationNode kaz;
    /** CMC pulls AZE through this. */
    final FaultProxy toAze;
    /** AZE pulls CMC through this. */
    final FaultProxy azeToCmc;
    /** CMC pulls KAZ through this. */
    final FaultProxy toKaz;
    /** KAZ pulls CMC through this. */
    final FaultProxy kazToCmc;

    private FederationCluster() throws IOException {
        Path root = Path.of("target", "federation-test", UUID.randomUUID().toString());
        long started = System.nanoTime();
        CompletableFuture<FederationNode> centre = CompletableFuture.supplyAsync(
                () -> FederationNode.start("CMC", null, root.resolve("cmc")));
        CompletableFuture<FederationNode> azeNode = CompletableFuture.supplyAsync(
                () -> FederationNode.start("AZE", "AZE", root.resolve("aze")));
        CompletableFuture<FederationNode> kazNode = CompletableFuture.supplyAsync(
                () -> FederationNode.start("KAZ", "KAZ", root.resolve("kaz")));
        cmc = centre.join();
        aze = azeNode.join();
        kaz = kazNode.join();
        System.out.printf("federation cluster: three nodes started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        toAze = new FaultProxy(port(aze));
        azeToCmc = new FaultProxy(port(cmc));
        toKaz = new FaultProxy(port(kaz));
        kazToCmc = new FaultProxy(port(cmc));
        cmc.register(aze, toAze.url(), List.of("AZE"), "SECRET");
        cmc.register(kaz, toKaz.url(), List.of("KAZ"), "SECRET");
        aze.register(cmc, azeToCmc.url(), ALL_NATIONS, "SECRET");
        kaz.register(cmc, kazToCmc.url(), ALL_NATIONS, "SECRET");
        aze.register(kaz, null, List.of("KAZ"), "SECRET");
        kaz.register(aze, null, List.of("AZE"), "SECRET");
        // The nodes close with the JVM (Spring's shutdown hooks stop their databases); the proxies are daemons.
    }

    static synchronized FederationCluster get() {
        if (shared == null) {
            try {
                shared = new FederationCluster();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    List<FaultProxy> proxies() {
        return List.of(toAze, azeToCmc, toKaz, kazToCmc);
    }

    void healAll() {
        proxies().forEach(FaultProxy::heal);
    }

    private static int port(FederationNode node) {
        return node.node().get("federationPort").asInt();
    }

}
