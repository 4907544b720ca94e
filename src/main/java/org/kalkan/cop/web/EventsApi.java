package org.kalkan.cop.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kalkan.cop.CopProperties;
import org.kalkan.cop.internal.LiveStream;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Subject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The live picture as Server-Sent Events: for API clients (bearer) and for the map page (session). */
@RestController
class EventsApi {

    private final LiveStream stream;
    private final CurrentSubject subject;
    private final CopProperties properties;

    EventsApi(LiveStream stream, CurrentSubject subject, CopProperties properties) {
        this.stream = stream;
        this.subject = subject;
        this.properties = properties;
    }

    @GetMapping(path = {"/api/v1/events", "/map/events"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void events(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Subject subscriber = subject.get();
        SseConnection.open(request, response, properties.streamTimeout(), sink -> stream.subscribe(subscriber, sink));
    }
}
