package org.kalkan.industry.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.kalkan.industry.Programme;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.Programmes;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Subject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The schedule as Microsoft Project XML (MSPDI), out and in. */
@RestController
@RequestMapping("/api/v1/industry/programmes/{id}/schedule.xml")
class ScheduleXmlApi {

    private final Programmes programmes;
    private final CurrentSubject subject;

    ScheduleXmlApi(Programmes programmes, CurrentSubject subject) {
        this.programmes = programmes;
        this.subject = subject;
    }

    @GetMapping(produces = {MediaType.APPLICATION_XML_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<String> export(@PathVariable String id) {
        Subject caller = subject.get();
        ProgrammeId programmeId = ProgrammeId.parse(id);
        Programme programme = programmes.programme(caller, programmeId);
        String xml = Mspdi.write(programme, programmes.workPackages(caller, programmeId),
                programmes.milestones(caller, programmeId), programmes.schedule(caller, programmeId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"schedule-" + id + ".xml\"")
                .header("X-Classification", programme.label().marking())
                .body(xml);
    }

    /** Adds the tasks (work packages) and milestones of an MSPDI file to the programme: 201 {"imported": n}. */
    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<Map<String, Integer>> importSchedule(@PathVariable String id,
            jakarta.servlet.http.HttpServletRequest request) throws IOException {
        Subject caller = subject.get();
        ProgrammeId programmeId = ProgrammeId.parse(id);
        Programme programme = programmes.programme(caller, programmeId);
        try (InputStream body = request.getInputStream()) {
            int imported = programmes.importSchedule(caller, programmeId, Mspdi.read(body, programme.leadNation()));
            return ResponseEntity.status(201).body(Map.of("imported", imported));
        }
    }
}
