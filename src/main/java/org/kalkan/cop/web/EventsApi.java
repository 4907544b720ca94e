package org.kalkan.cop.web;

import org.kalkan.cop.internal.LiveStream;
import org.kalkan.security.CurrentSubject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live picture as Server-Sent Events: for API clients (bearer) and for the map page (session). */
@RestController
class EventsApi {

    private final LiveStream stream;
    private final CurrentSubject subject;

    EventsApi(LiveStream stream, CurrentSubject subject) {
        this.stream = stream;
        this.subject = subject;
    }

    @GetMapping(path = {"/api/v1/events", "/map/events"}, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events() {
        return stream.subscribe(subject.get());
    }
}
