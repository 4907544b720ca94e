package org.kalkan.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.crisis.CrisisFixtures.PASSWORD;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalkan.ApiClient;
import org.kalkan.KalkanTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@KalkanTest
class SitrepPdfTests {

    private static final String MARKING = "CONFIDENTIAL // REL TO AZE, KAZ, TUR";

    @LocalServerPort int port;

    @Test
    void anIssuedMultiPageSitrepCarriesItsMarkingAtTheTopAndBottomOfEveryPage() throws Exception {
        ApiClient api = new ApiClient(port);
        String director = api.token("cmc.director", PASSWORD);
        String id = CrisisFixtures.openCrisis(api, director, "Long SITREP");
        int version = api.post("/api/v1/crises/" + id + "/sitreps", director, Map.of()).json().get("version").asInt();
        StringBuilder situation = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            situation.append("Line ").append(i).append(": patrols report movement along the Baku–Tbilisi–Ceyhan "
                    + "corridor; Türkiye and Qazaqstan liaison officers confirm. Ölçüm, Қазақстан.\n");
        }
        assertThat(api.post("/api/v1/crises/" + id + "/sitreps/1", director,
                Map.of("situation", situation.toString(), "version", version)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/crises/" + id + "/sitreps/1/issue", director, Map.of()).status()).isEqualTo(200);

        byte[] pdf = CrisisFixtures.download(port, "/api/v1/crises/" + id + "/sitreps/1.pdf", director,
                "application/pdf");
        java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"))
                .resolve("sitrep-1.pdf"), pdf); // for a person to look at
        assertThat(CrisisFixtures.assertMarkedOnEveryPage(pdf, MARKING)).isGreaterThan(2);
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1))
                    .contains("SITREP 1", "Long SITREP", "INDICATIONS_AND_WARNING", "FROM", "TO", "DTG", "PERIOD")
                    .doesNotContain(id);
        } finally {
            reader.close();
        }
    }
}
