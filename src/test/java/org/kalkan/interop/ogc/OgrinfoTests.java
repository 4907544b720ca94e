package org.kalkan.interop.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GDAL's ogrinfo, a real GIS client, lists and reads the OGC API with each user's bearer token. */
@KalkanTest
class OgrinfoTests {

    @LocalServerPort int port;

    @Test
    void ogrinfoReadsTheIncidentsCollectionFilteredByEachReadersLabels() {
        ApiClient api = new ApiClient(port);
        String aze = api.token("aze.officer", "kalkan-demo");
        var confidential = OgcFixtures.file(api, aze, "TERRORISM", 52.10, 77.10, "CONFIDENTIAL", "AZE", "TUR");
        var unclassified = OgcFixtures.file(api, aze, "NATURAL_DISASTER", 52.20, 77.20, "UNCLASSIFIED", "ALL");
        List<String> around = List.of("-spat", "77.0", "52.0", "77.3", "52.3");

        String tur = api.token("tur.officer", "kalkan-demo");
        Ogrinfo.Result layers = Ogrinfo.run(port, tur, List.of("-al", "-so"));
        assertThat(layers.exitCode()).as(layers.output()).isZero();
        assertThat(layers.output()).contains("Layer name: incidents").contains("Geometry: Point");

        Ogrinfo.Result read = Ogrinfo.run(port, tur, around, "incidents");
        assertThat(read.exitCode()).as(read.output()).isZero();
        assertThat(read.output()).contains(confidential.incidentId(), confidential.title(),
                unclassified.incidentId(), unclassified.title(), "CONFIDENTIAL // REL TO AZE, TUR",
                "POINT (77.1 52.1)");

        for (String outsider : List.of("kaz.officer", "hun.observer")) {
            Ogrinfo.Result seen = Ogrinfo.run(port, api.token(outsider, "kalkan-demo"), around, "incidents");
            assertThat(seen.exitCode()).as(seen.output()).isZero();
            assertThat(seen.output()).as(outsider).contains(unclassified.incidentId(), unclassified.title())
                    .doesNotContain(confidential.incidentId()).doesNotContain(confidential.title())
                    .doesNotContain("REL TO AZE, TUR");
        }
    }
}
