package org.kalkan.seams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kalkan.PackagedNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, findings 8 and 15, against the packaged node started as in production (no demo profile): the first
 * administrator's password goes to a file only the node's user may read, never to the log; the embedded database
 * and the metrics have their own secrets beside it; over TLS (directly, or behind a TLS-terminating proxy named by
 * the public base URL) the session cookie is {@code Secure} and HSTS is sent.
 */
class NodeBootstrapIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Process node;

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null && node.isAlive()) {
            node.destroy();
            node.waitFor();
        }
    }

    @Test
    void behindATlsProxyTheNodeMarksCookiesSecureSendsHstsAndKeepsItsSecretsInPrivateFiles() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "bootstrap-");
        int port = PackagedNode.freePort();
        HttpClient http = HttpClient.newHttpClient();
        node = PackagedNode.start(dataDir, port, "bootstrap-proxy",
                URI.create("http://localhost:" + port + "/actuator/health"), http,
                List.of("--kalkan.platform.public-base-url=https://kalkan.example.org/"));

        Path adminFile = dataDir.resolve("initial-admin-password");
        String password = Files.readString(adminFile).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        for (String secret : List.of("initial-admin-password", "postgres-password", "metrics-token")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(secret))))
                    .as(secret).isEqualTo("rw-------");
        }
        String log = Files.readString(Path.of("target", "bootstrap-proxy.log"));
        assertThat(log).contains(adminFile.toAbsolutePath().normalize().toString()).doesNotContain(password)
                .doesNotContain(Files.readString(dataDir.resolve("postgres-password")).strip());

        String base = "http://localhost:" + port;
        var token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "admin",
                        "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);

        // What the proxy forwards arrives as plain HTTP; the public base URL says clients came over TLS.
        var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("JSESSIONID", "Secure",
                "HttpOnly");
        assertThat(login.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");

        var ogc = http.send(HttpRequest.newBuilder(URI.create(base + "/ogc/collections"))
                .header("Authorization", "Bearer " + JSON.readTree(token.body()).get("token").asString()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(ogc.body()).findValues("href")).isNotEmpty()
                .allMatch(href -> href.asString().startsWith("https://kalkan.example.org/ogc/"));
    }

    @Test
    void overTlsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "bootstrap-tls-");
        Path keyStore = dataDir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "kalkan", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "changeit")
                .inheritIO().start();
        assertThat(keytool.waitFor()).isZero();
        int port = PackagedNode.freePort();
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(keyStore)).build();
        node = PackagedNode.start(dataDir, port, "bootstrap-tls",
                URI.create("https://localhost:" + port + "/actuator/health"), https,
                List.of("--server.ssl.enabled=true", "--server.ssl.key-store=" + keyStore.toAbsolutePath(),
                        "--server.ssl.key-store-type=PKCS12", "--server.ssl.key-store-password=changeit"));

        var login = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).contains("JSESSIONID", "Secure");
        assertThat(login.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
    }

    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keyStore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
