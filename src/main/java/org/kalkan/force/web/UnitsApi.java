package org.kalkan.force.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.force.Capability;
import org.kalkan.force.ForceRegistry;
import org.kalkan.force.ForceUnit;
import org.kalkan.force.MovementEstimate;
import org.kalkan.force.MovementPlanner;
import org.kalkan.force.UnitId;
import org.kalkan.security.CurrentSubject;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The national unit registry: register, edit (own nation only), list, bulk import from CSV. */
@RestController
@RequestMapping("/api/v1/forces")
class UnitsApi {

    private final ForceRegistry registry;
    private final MovementPlanner planner;
    private final CurrentSubject subject;

    UnitsApi(ForceRegistry registry, MovementPlanner planner, CurrentSubject subject) {
        this.registry = registry;
        this.planner = planner;
        this.subject = subject;
    }

    @PostMapping("/units")
    ResponseEntity<UnitJson> register(@RequestBody UnitRequest request) {
        ForceUnit unit = registry.register(subject.get(), request.toDetails());
        return ResponseEntity.created(URI.create("/api/v1/forces/units/" + unit.id())).body(UnitJson.of(unit));
    }

    @PutMapping("/units/{id}")
    UnitJson update(@PathVariable UUID id, @RequestBody UnitRequest request) {
        if (request.version() == null) {
            throw new IllegalArgumentException("version is required: the version of the unit you edited");
        }
        return UnitJson.of(registry.update(subject.get(), new UnitId(id), request.toDetails(), request.version()));
    }

    @GetMapping("/units/{id}")
    UnitJson unit(@PathVariable UUID id) {
        return UnitJson.of(registry.find(subject.get(), new UnitId(id)));
    }

    @GetMapping("/units")
    List<UnitJson> units(@RequestParam(required = false) @Nullable String nation,
            @RequestParam(required = false) @Nullable String capability,
            @RequestParam(required = false) @Nullable Boolean standingPool) {
        Capability wanted = capability == null ? null
                : UnitRequest.enums(Capability.class, List.of(capability), "capability").iterator().next();
        return registry.list(subject.get(), nation, wanted, standingPool).stream().map(UnitJson::of).toList();
    }

    /** {@code text/csv} with the header of {@link UnitCsv}; every row is checked, all or nothing is stored. */
    @PostMapping(path = "/units/import", consumes = {"text/csv", "text/plain"})
    ResponseEntity<Map<String, Object>> importCsv(@RequestBody String csv) {
        UnitCsv.Parsed parsed = UnitCsv.parse(csv);
        List<ForceUnit> created = registry.importAll(subject.get(), parsed.rows(), parsed.errors());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("created", created.size(),
                "ids", created.stream().map(u -> u.id().value()).toList()));
    }

    /** Movement of a registered unit: its notice to move, then the fastest route over its modes. */
    @GetMapping(path = "/movement-estimates", params = "unitId")
    MovementEstimate estimate(@RequestParam UUID unitId, @RequestParam String to) {
        ForceUnit unit = registry.find(subject.get(), new UnitId(unitId));
        return planner.estimate(unit.details().home(), MovementApi.point(to, "to"), unit.details().movementModes(),
                unit.details().noticeToMoveHours());
    }

    @ExceptionHandler(ForceRegistry.UnitImportRefused.class)
    ResponseEntity<ProblemDetail> refused(ForceRegistry.UnitImportRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Import refused");
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().body(problem);
    }
}
