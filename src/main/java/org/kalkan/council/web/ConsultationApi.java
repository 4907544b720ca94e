package org.kalkan.council.web;

import java.util.List;
import java.util.UUID;
import org.kalkan.council.ConsultationId;
import org.kalkan.council.ConsultationRequest;
import org.kalkan.council.Council;
import org.kalkan.council.web.CouncilJson.ConsultationJson;
import org.kalkan.council.web.CouncilJson.MinutesRequest;
import org.kalkan.council.web.CouncilJson.SessionJson;
import org.kalkan.council.web.CouncilJson.SessionRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Requests for consultations and the Council's sessions with their agenda and minutes. */
@RestController
@RequestMapping("/api/v1/council")
class ConsultationApi {

    private final Council council;

    ConsultationApi(Council council) {
        this.council = council;
    }

    @PostMapping("/consultations")
    @ResponseStatus(HttpStatus.CREATED)
    ConsultationJson request(@RequestBody ConsultationRequest request) {
        return ConsultationJson.of(council.requestConsultation(request));
    }

    @GetMapping("/consultations")
    List<ConsultationJson> consultations() {
        return council.consultations().stream().map(ConsultationJson::of).toList();
    }

    @GetMapping("/consultations/{id}")
    ConsultationJson consultation(@PathVariable String id) {
        return ConsultationJson.of(council.consultation(new ConsultationId(uuid(id))));
    }

    @PostMapping("/consultations/{id}/close")
    ConsultationJson close(@PathVariable String id) {
        return ConsultationJson.of(council.closeConsultation(new ConsultationId(uuid(id))));
    }

    @GetMapping("/sessions")
    List<SessionJson> sessions() {
        return council.sessions().stream().map(SessionJson::of).toList();
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SessionJson schedule(@RequestBody SessionRequest request) {
        return SessionJson.of(council.scheduleSession(request.date(), request.label()));
    }

    @PostMapping("/sessions/{id}/minutes")
    SessionJson minutes(@PathVariable String id, @RequestBody MinutesRequest request) {
        return SessionJson.of(council.recordMinutes(uuid(id), request.minutes()));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an id: " + id);
        }
    }
}
