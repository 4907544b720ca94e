package org.kalkan.council.web;

import java.util.List;
import org.kalkan.council.Council;
import org.kalkan.council.DecisionDraft;
import org.kalkan.council.DecisionId;
import org.kalkan.council.Measure;
import org.kalkan.council.Revision;
import org.kalkan.council.web.CouncilJson.DecisionJson;
import org.kalkan.council.web.CouncilJson.PositionRequest;
import org.kalkan.council.web.CouncilJson.SilenceBreakRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Council decisions: circulation, silence breaks, positions, closing, revision and the register. */
@RestController
@RequestMapping("/api/v1/council")
class DecisionApi {

    private final Council council;

    DecisionApi(Council council) {
        this.council = council;
    }

    @PostMapping("/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    DecisionJson circulate(@RequestBody DecisionDraft draft) {
        return DecisionJson.of(council.circulate(draft));
    }

    @GetMapping("/decisions")
    List<DecisionJson> decisions() {
        return council.decisions().stream().map(DecisionJson::of).toList();
    }

    @GetMapping("/decisions/{id}")
    DecisionJson decision(@PathVariable String id) {
        return DecisionJson.of(council.decision(id(id)));
    }

    @PostMapping("/decisions/{id}/silence-breaks")
    @ResponseStatus(HttpStatus.CREATED)
    DecisionJson breakSilence(@PathVariable String id, @RequestBody SilenceBreakRequest request) {
        return DecisionJson.of(council.breakSilence(id(id), request.nation(), request.statement()));
    }

    @PostMapping("/decisions/{id}/positions")
    @ResponseStatus(HttpStatus.CREATED)
    DecisionJson takePosition(@PathVariable String id, @RequestBody PositionRequest request) {
        return DecisionJson.of(council.takePosition(id(id), request.nation(), request.position(),
                request.statement()));
    }

    @PostMapping("/decisions/{id}/close")
    DecisionJson close(@PathVariable String id) {
        return DecisionJson.of(council.close(id(id)));
    }

    /** The chair re-circulates a decision whose silence was broken as its next version. */
    @PostMapping("/decisions/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    DecisionJson revise(@PathVariable String id, @RequestBody Revision revision) {
        return DecisionJson.of(council.revise(id(id), revision));
    }

    @GetMapping("/register")
    List<DecisionJson> register() {
        return council.register().stream().map(DecisionJson::of).toList();
    }

    @GetMapping("/measures")
    List<Measure> measures() {
        return council.measures();
    }

    private static DecisionId id(String id) {
        try {
            return DecisionId.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a decision id: " + id);
        }
    }
}
