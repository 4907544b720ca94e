package org.kalkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.kalkan.KalkanTest;
import org.kalkan.SessionClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The account directory of the people pickers goes only to roles whose forms address people. */
@KalkanTest
class UserChoicesTests {

    @LocalServerPort int port;

    @Test
    void aWatchOfficerListsThePeopleAnObserverAndAReportingOfficerDoNot() throws Exception {
        HttpResponse<String> watch = choices("cmc.watch");
        assertThat(watch.statusCode()).isEqualTo(200);
        assertThat(watch.body()).contains("aze.officer");
        assertThat(choices("hun.observer").statusCode()).isEqualTo(403);
        assertThat(choices("kaz.officer").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> choices(String user) throws Exception {
        HttpClient session = SessionClient.signedIn(port, user);
        return session.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/users/choices"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
