package org.kalkan.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalkan.crisis.CrisisFixtures.PASSWORD;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

        byte[] pdf = download("/api/v1/crises/" + id + "/sitreps/1.pdf", director);
        java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"))
                .resolve("sitrep-1.pdf"), pdf); // for a person to look at
        PdfReader reader = new PdfReader(pdf);
        try {
            int pages = reader.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= pages; page++) {
                String text = extractor.getTextFromPage(page);
                assertThat(text).as("page %d", page).contains(MARKING);
                assertThat(text.indexOf(MARKING)).as("page %d has it twice", page)
                        .isNotEqualTo(text.lastIndexOf(MARKING));
            }
            String first = extractor.getTextFromPage(1);
            assertThat(first).contains("SITREP 1", "Long SITREP", "INDICATIONS_AND_WARNING");
        } finally {
            reader.close();
        }
    }

    private byte[] download(String path, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        return response.body();
    }
}
