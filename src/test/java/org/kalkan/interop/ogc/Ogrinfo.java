package org.kalkan.interop.ogc;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * GDAL's {@code ogrinfo} (Debian's {@code gdal-bin}) reading the node's OGC API – Features with a bearer token. On a
 * developer machine without GDAL the tests are skipped; under CI they must run.
 */
final class Ogrinfo {

    private Ogrinfo() {
    }

    record Result(int exitCode, String output) {
    }

    /** Runs {@code ogrinfo -ro <args> OAPIF:http://localhost:<port>/ogc [layer]} as the token's owner. */
    static Result run(int port, String token, List<String> args, String... layers) {
        File executable = find();
        List<String> command = new ArrayList<>(List.of(executable.getPath(), "-ro",
                "--config", "GDAL_HTTP_HEADERS", "Authorization: Bearer " + token,
                "--config", "GDAL_HTTP_TIMEOUT", "60", "--config", "GDAL_HTTP_MAX_RETRY", "0"));
        command.addAll(args);
        command.add("OAPIF:http://localhost:" + port + "/ogc");
        command.addAll(List.of(layers));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        for (String proxy : List.of("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy",
                "ALL_PROXY")) {
            builder.environment().remove(proxy);
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ogrinfo did not finish: " + command);
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static File find() {
        File found = null;
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File candidate = new File(directory, "ogrinfo");
            if (candidate.canExecute()) {
                found = candidate;
                break;
            }
        }
        if (found == null && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install gdal-bin for ogrinfo (see .ci/run)");
        }
        Assumptions.assumeTrue(found != null, "GDAL's ogrinfo (Debian gdal-bin) is not installed");
        return found;
    }
}
