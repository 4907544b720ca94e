package org.kalkan.force.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Procedure;
import org.kalkan.crisis.Crises;
import org.kalkan.crisis.Crisis;
import org.kalkan.crisis.CrisisId;
import org.kalkan.force.Capability;
import org.kalkan.force.ForceRegistry;
import org.kalkan.force.ForceRequirements;
import org.kalkan.force.ForceRequirements.StatedRequirement;
import org.kalkan.force.ForceUnit;
import org.kalkan.force.MovementEstimate;
import org.kalkan.force.MovementPlanner;
import org.kalkan.force.Offer;
import org.kalkan.force.Requirement;
import org.kalkan.force.SourcingPlans;
import org.kalkan.force.SourcingRequest;
import org.kalkan.force.SourcingStatus;
import org.kalkan.force.StoredPlan;
import org.kalkan.force.UnitId;
import org.kalkan.force.UnitReadiness;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.FormErrors;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.Classification;
import org.kalkan.shared.GeoPoint;
import org.kalkan.shared.SecurityLabel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The force pages: the unit registry with readiness colours, a unit with its movement on a map, the requirement
 * board of a crisis, the requests to the reader's nation (offer or decline), and a sourcing plan with its
 * submission to the Council. Forms post here and redirect back (post/redirect/get) with the outcome.
 */
@Controller
class ForcePages {

    private final ForceRegistry registry;
    private final ForceRequirements requirements;
    private final SourcingPlans plans;
    private final MovementPlanner movement;
    private final Crises crises;
    private final MemberStates members;
    private final CurrentSubject subject;
    private final PageMarking marking;
    private final ForceViews views;
    private final ObjectProvider<UnitReadiness> readiness;
    private final Clock clock;
    private final FormErrors errors;

    ForcePages(ForceRegistry registry, ForceRequirements requirements, SourcingPlans plans, MovementPlanner movement,
            Crises crises, MemberStates members, CurrentSubject subject, PageMarking marking, ForceViews views,
            ObjectProvider<UnitReadiness> readiness, Clock clock, FormErrors errors) {
        this.errors = errors;
        this.registry = registry;
        this.requirements = requirements;
        this.plans = plans;
        this.movement = movement;
        this.crises = crises;
        this.members = members;
        this.subject = subject;
        this.marking = marking;
        this.views = views;
        this.readiness = readiness;
        this.clock = clock;
    }

    // ---- registry and units

    @GetMapping("/forces")
    String registry(@RequestParam(required = false) @Nullable String nation,
            @RequestParam(required = false) @Nullable String capability,
            @RequestParam(required = false) @Nullable String pool, Model model) {
        Subject me = subject.get();
        String wantedNation = nation == null || nation.isBlank() ? null : nation.trim().toUpperCase(Locale.ROOT);
        Capability wantedCapability = capability == null || capability.isBlank() ? null
                : UnitRequest.enums(Capability.class, List.of(capability), "capability").iterator().next();
        Boolean standingPool = pool == null || pool.isBlank() ? null : Boolean.valueOf(pool);
        List<ForceUnit> units = registry.list(me, wantedNation, wantedCapability, standingPool);
        units.forEach(u -> marking.show(u.details().label()));
        List<Crisis> crisisList = crises.list(me, 50);
        crisisList.forEach(c -> marking.show(c.label()));
        UnitReadiness training = readiness.getIfAvailable();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        model.addAttribute("units", units.stream().map(u -> new ForceViews.UnitRow(u,
                views.readiness(u.details().noticeToMoveHours()),
                training == null ? List.of() : training.readiness(u, today))).toList());
        model.addAttribute("nations", members.nations().stream().map(Nation::code).toList());
        model.addAttribute("capabilities", Capability.values());
        model.addAttribute("nation", wantedNation);
        model.addAttribute("capability", wantedCapability);
        model.addAttribute("pool", pool);
        model.addAttribute("crises", crisisList);
        model.addAttribute("officer", isOfficer(me));
        return "force/registry";
    }

    @GetMapping("/forces/units/{id}")
    String unit(@PathVariable UUID id, @RequestParam(required = false) @Nullable String to, Model model) {
        ForceUnit unit = registry.find(subject.get(), new UnitId(id));
        marking.show(unit.details().label());
        model.addAttribute("unit", unit);
        model.addAttribute("to", to == null ? "" : to);
        if (to != null && !to.isBlank()) {
            try {
                model.addAttribute("estimate", estimate(unit, to));
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "force/unit";
    }

    /** The movement estimate for the unit page's map (same answer as the API, for the signed-in browser). */
    @GetMapping("/forces/units/{id}/movement")
    @ResponseBody
    MovementEstimate movement(@PathVariable UUID id, @RequestParam String to) {
        return estimate(registry.find(subject.get(), new UnitId(id)), to);
    }

    private MovementEstimate estimate(ForceUnit unit, String to) {
        GeoPoint destination = MovementApi.point(to, "to");
        return movement.estimate(unit.details().home(), destination, unit.details().movementModes(),
                unit.details().noticeToMoveHours());
    }

    // ---- the requirement board of a crisis

    @GetMapping("/forces/crises/{id}")
    String board(@PathVariable UUID id, Model model) {
        Subject me = subject.get();
        Crisis crisis = crises.find(me, new CrisisId(id));
        marking.show(crisis.label());
        List<StatedRequirement> stated = requirements.forCrisis(me, id);
        List<StoredPlan> planList = plans.ofCrisis(me, id);
        StoredPlan latest = planList.isEmpty() ? null : planList.get(0);
        List<ForceViews.BoardRow> rows = new ArrayList<>();
        for (StatedRequirement s : stated) {
            marking.show(s.label());
            UUID requirementId = s.requirement().id();
            rows.add(ForceViews.row(s, requirements.requests(me, requirementId), requirements.offers(me, requirementId),
                    latest));
        }
        planList.forEach(p -> marking.show(p.label()));
        model.addAttribute("crisis", crisis);
        model.addAttribute("rows", rows);
        model.addAttribute("plans", planList);
        model.addAttribute("planner", me.has(Role.FORCE_PLANNER));
        model.addAttribute("capabilities", Capability.values());
        model.addAttribute("classifications", Classification.values());
        model.addAttribute("neededBy", clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS)
                .toString());
        return "force/board";
    }

    @PostMapping("/forces/crises/{id}/requirements")
    String state(@PathVariable UUID id, @RequestParam Map<String, String> form,
            @RequestParam(name = "releasableTo", required = false) @Nullable List<String> releasableTo,
            RedirectAttributes redirect) {
        return run("/forces/crises/" + id, "state", redirect, () -> {
            GeoPoint at = MovementApi.point(form.getOrDefault("location", ""), "location");
            Instant neededBy = UnitRequest.instant(form.get("neededBy"), "neededBy");
            if (neededBy == null) {
                throw new IllegalArgumentException("neededBy is required (ISO 8601)");
            }
            String use = blankToNull(form.get("use"));
            Requirement requirement = new Requirement(UUID.randomUUID(), UnitRequest.enums(Capability.class,
                    List.of(form.getOrDefault("capability", "")), "capability").iterator().next(),
                    number(form.get("quantity"), "quantity"), at,
                    form.getOrDefault("country", "").trim().toUpperCase(Locale.ROOT), neededBy,
                    number(form.get("durationDays"), "durationDays"),
                    use == null ? null : use.trim().toUpperCase(Locale.ROOT));
            requirements.state(subject.get(), id, requirement, label(form, releasableTo));
            return "requirement stated";
        });
    }

    @PostMapping("/forces/requirements/{id}/requests")
    String ask(@PathVariable UUID id, @RequestParam UUID crisisId, @RequestParam String nations,
            RedirectAttributes redirect) {
        return run("/forces/crises/" + crisisId, "requirement-" + id, redirect, () -> {
            requirements.request(subject.get(), id, Arrays.asList(nations.split("[,\\s]+")));
            return "asked";
        });
    }

    @PostMapping("/forces/crises/{id}/plans")
    String compute(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            StoredPlan plan = plans.plan(subject.get(), id, List.of(), Duration.ofSeconds(10));
            return "redirect:/forces/plans/" + plan.id();
        } catch (IllegalArgumentException | DomainException e) {
            return refused("/forces/crises/" + id, "plans", redirect, e);
        }
    }

    // ---- requests to the reader's nation

    @GetMapping("/forces/requests")
    String incoming(Model model) {
        Subject me = subject.get();
        List<ForceViews.IncomingRow> rows = new ArrayList<>();
        for (SourcingRequest request : requirements.incoming(me)) {
            StatedRequirement stated = requirements.requirement(me, request.requirementId());
            marking.show(stated.label());
            List<Offer> ours = requirements.offers(me, request.requirementId()).stream()
                    .filter(o -> o.nation().equals(request.nation())).toList();
            rows.add(new ForceViews.IncomingRow(request, stated, ours));
        }
        List<ForceUnit> ownUnits = registry.list(me, me.nation().value(), null, null);
        ownUnits.forEach(u -> marking.show(u.details().label()));
        model.addAttribute("rows", rows);
        model.addAttribute("units", ownUnits);
        model.addAttribute("officer", isOfficer(me));
        return "force/requests";
    }

    @PostMapping("/forces/requirements/{id}/offers")
    String offer(@PathVariable UUID id, @RequestParam String nation, @RequestParam(required = false) @Nullable
            UUID unitId, @RequestParam(required = false) @Nullable String excludedUses, RedirectAttributes redirect) {
        return run("/forces/requests", "request-" + id, redirect, () -> {
            if (unitId == null) {
                throw new IllegalArgumentException("choose one of your units");
            }
            requirements.offer(subject.get(), id, nation, new UnitId(unitId), UnitRequest.upper(
                    excludedUses == null ? List.of() : Arrays.asList(excludedUses.split("[,\\s]+"))));
            return "offered";
        });
    }

    @PostMapping("/forces/requirements/{id}/decline")
    String decline(@PathVariable UUID id, @RequestParam String nation, @RequestParam(required = false)
            @Nullable String reason, RedirectAttributes redirect) {
        return run("/forces/requests", "request-" + id, redirect, () -> {
            requirements.decline(subject.get(), id, nation, reason);
            return "declined";
        });
    }

    @PostMapping("/forces/offers/{id}/status")
    String changeOffer(@PathVariable UUID id, @RequestParam String status, @RequestParam String back,
            RedirectAttributes redirect) {
        String page = back.startsWith("/forces/") && !back.contains("//") ? back : "/forces/requests";
        return run(page, "offer-" + id, redirect, () -> {
            requirements.changeOffer(subject.get(), id, UnitRequest.enums(SourcingStatus.class, List.of(status),
                    "status").iterator().next());
            return "status changed";
        });
    }

    // ---- plans

    @GetMapping("/forces/plans/{id}")
    String plan(@PathVariable UUID id, Model model) {
        Subject me = subject.get();
        StoredPlan plan = plans.find(me, id);
        marking.show(plan.label());
        List<StatedRequirement> stated = plan.requirementIds().stream()
                .map(r -> requirements.requirement(me, r)).toList();
        stated.forEach(s -> marking.show(s.label()));
        Map<UUID, Requirement> byId = stated.stream()
                .collect(java.util.stream.Collectors.toMap(s -> s.requirement().id(), StatedRequirement::requirement));
        List<ForceViews.AssignmentRow> assignments = plan.plan().assignments().stream()
                .map(a -> {
                    Requirement r = byId.get(a.requirementId());
                    long margin = r == null ? 0 : Duration.between(a.estimatedArrival(), r.neededBy()).toHours();
                    return new ForceViews.AssignmentRow(a, unitName(me, a.unitId()), r, margin);
                }).toList();
        List<ForceViews.GapRow> gaps = plan.plan().gaps().stream()
                .map(g -> new ForceViews.GapRow(g, byId.get(g.requirementId()))).toList();
        // Planner language: the plan is named by its crisis and when it was computed, never by an id.
        String crisisName = null;
        if (plan.crisisId() != null) {
            try {
                var crisis = crises.find(me, new CrisisId(plan.crisisId()));
                crisisName = crisis.ref() + " · " + crisis.title();
            } catch (DomainException e) {
                crisisName = null; // a crisis the reader may no longer read is not named
            }
        }
        model.addAttribute("crisisName", crisisName);
        model.addAttribute("filled", plan.plan().gaps().isEmpty());
        model.addAttribute("gapCount", plan.plan().gaps().stream().mapToInt(g -> g.missing()).sum());
        model.addAttribute("plan", plan);
        model.addAttribute("assignments", assignments);
        model.addAttribute("gaps", gaps);
        model.addAttribute("planner", me.has(Role.FORCE_PLANNER));
        model.addAttribute("chair", me.has(Role.COUNCIL_CHAIR));
        // A day of silence (the Council's default minimum) counted from when the form is sent.
        model.addAttribute("silenceEndsAt", clock.instant().plus(Duration.ofHours(25)).truncatedTo(ChronoUnit.HOURS)
                .toString());
        return "force/plan";
    }

    @PostMapping("/forces/plans/{id}/submission")
    String submit(@PathVariable UUID id, RedirectAttributes redirect) {
        return run("/forces/plans/" + id, "submission", redirect, () -> {
            plans.submit(subject.get(), id);
            return "submitted";
        });
    }

    @PostMapping("/forces/plans/{id}/circulation")
    String circulate(@PathVariable UUID id, @RequestParam(required = false) @Nullable String silenceEndsAt,
            @RequestParam(required = false) @Nullable String urgency, RedirectAttributes redirect) {
        return run("/forces/plans/" + id, "submission", redirect, () -> {
            plans.circulate(subject.get(), id, Procedure.SILENCE, UnitRequest.instant(silenceEndsAt, "silenceEndsAt"),
                    urgency == null || urgency.isBlank() ? null : urgency);
            return "circulated";
        });
    }

    // ---- helpers

    private String unitName(Subject me, UUID unitId) {
        try {
            return registry.find(me, new UnitId(unitId)).details().name();
        } catch (DomainException e) {
            return unitId.toString();
        }
    }

    private static boolean isOfficer(Subject me) {
        return me.has(Role.REPORTING_OFFICER) || me.has(Role.FORCE_PLANNER);
    }

    /** Runs a form action, then back to the page with {@code done} (the outcome) or the refusal's detail. */
    private String run(String page, String section, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("done", action.get());
            redirect.addFlashAttribute("doneSection", section);
            return "redirect:" + page + "#" + section;
        } catch (IllegalArgumentException | DomainException e) {
            return refused(page, section, redirect, e);
        }
    }

    private String refused(String page, String section, RedirectAttributes redirect, RuntimeException refusal) {
        redirect.addFlashAttribute("errorSection", section);
        redirect.addFlashAttribute("error", errors.message(refusal));
        return "redirect:" + page + "#" + section;
    }

    private static int number(@Nullable String value, String name) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static SecurityLabel label(Map<String, String> form, @Nullable List<String> releasableTo) {
        Classification classification = Classification.parse(form.getOrDefault("classification", ""))
                .orElseThrow(() -> new IllegalArgumentException("choose a classification"));
        TreeSet<String> releasable = new TreeSet<>(UnitRequest.upper(Arrays.asList(
                String.join(",", releasableTo == null ? List.of() : releasableTo).split("[,\\s]+"))));
        if (releasable.isEmpty()) {
            throw new IllegalArgumentException("releasableTo is required");
        }
        return new SecurityLabel(classification, releasable);
    }

    @Configuration
    static class Navigation {

        @Bean
        NavigationEntry forcesNavigation() {
            return NavigationEntry.forAny("nav.forces", "/forces", 500, Role.authorities(Role.FORCE_PLANNER,
                    Role.REPORTING_OFFICER, Role.CRISIS_MANAGER, Role.WATCH_OFFICER, Role.COUNCIL_CHAIR,
                    Role.COUNCIL_DELEGATE, Role.EXERCISE_DIRECTOR, Role.TRAINING_COORDINATOR, Role.TRAINING_MANAGER));
        }

        @Bean
        NavigationEntry forceRequestsNavigation() {
            // Requests are answered by a nation's officers and followed by the planner.
            return NavigationEntry.forAny("nav.forceRequests", "/forces/requests", 510,
                    Role.authorities(Role.FORCE_PLANNER, Role.REPORTING_OFFICER));
        }
    }
}
