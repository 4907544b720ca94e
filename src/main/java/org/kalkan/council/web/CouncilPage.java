package org.kalkan.council.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.council.Consultation;
import org.kalkan.council.ConsultationId;
import org.kalkan.council.ConsultationRequest;
import org.kalkan.council.Council;
import org.kalkan.council.Decision;
import org.kalkan.council.DecisionDraft;
import org.kalkan.council.DecisionId;
import org.kalkan.council.DecisionStatus;
import org.kalkan.council.Measure;
import org.kalkan.council.MeasureOrder;
import org.kalkan.council.PositionKind;
import org.kalkan.council.Procedure;
import org.kalkan.council.Revision;
import org.kalkan.council.Session;
import org.kalkan.council.ThreatGround;
import org.kalkan.council.CouncilProperties;
import org.kalkan.members.MemberStates;
import org.kalkan.members.Nation;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.FormErrors;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.DomainException;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Council page: open consultations, decisions in procedure with a live countdown and the positions board,
 * the register and the sessions; a delegate's one-click position or silence break, the chair's drafting form.
 */
@Controller
class CouncilPage {

    private final Council council;
    private final MemberStates members;
    private final CurrentSubject currentSubject;
    private final PageMarking marking;
    private final CouncilProperties properties;
    private final Clock clock;
    private final FormErrors errors;
    private final List<org.kalkan.council.DecisionChoices> choiceProviders;

    CouncilPage(Council council, MemberStates members, CurrentSubject currentSubject, PageMarking marking,
            CouncilProperties properties, Clock clock, FormErrors errors,
            List<org.kalkan.council.DecisionChoices> choiceProviders) {
        this.choiceProviders = List.copyOf(choiceProviders);
        this.errors = errors;
        this.properties = properties;
        this.council = council;
        this.members = members;
        this.currentSubject = currentSubject;
        this.marking = marking;
        this.clock = clock;
    }

    /** A decision in procedure as the page shows it, with what the signed-in user may do on it. */
    record OpenDecision(Decision decision, Board board, boolean canBreak, boolean canTakePosition) {

        /** The end of silence to the millisecond, for the countdown script. */
        public String deadline() {
            Instant ends = decision.silenceEndsAt();
            return ends == null ? "" : ends.truncatedTo(ChronoUnit.MILLIS).toString();
        }
    }

    @GetMapping("/council")
    String page(Model model) {
        Subject subject = currentSubject.get();
        List<Consultation> consultations = council.consultations().stream().filter(Consultation::open).toList();
        consultations.forEach(c -> marking.show(c.label()));
        List<OpenDecision> open = council.decisions().stream().filter(d -> !d.status().isFinal())
                .map(d -> open(subject, d)).toList();
        List<Decision> register = council.register();
        register.forEach(d -> marking.show(d.label()));
        List<Session> sessions = council.sessions();
        sessions.forEach(s -> marking.show(s.label()));
        Instant now = clock.instant();
        model.addAttribute("consultations", consultations);
        model.addAttribute("open", open);
        model.addAttribute("register", register);
        model.addAttribute("sessions", sessions);
        model.addAttribute("measures", council.measures());
        model.addAttribute("grounds", ThreatGround.values());
        model.addAttribute("classifications", Classification.values());
        model.addAttribute("chair", subject.has(Role.COUNCIL_CHAIR));
        // The draft's crisis and measure values are picked from what the owning modules offer the chair.
        java.util.Map<String, List<org.kalkan.council.DecisionChoices.Choice>> choices = new java.util.HashMap<>();
        if (subject.has(Role.COUNCIL_CHAIR)) {
            choiceProviders.forEach(p -> p.choices(subject).forEach((key, list) ->
                    choices.computeIfAbsent(key, k -> new java.util.ArrayList<>()).addAll(list)));
        }
        model.addAttribute("choices", choices);
        // A measure whose values nobody here offers (a sourcing plan) is put to the Council from its own page.
        model.addAttribute("draftable", council.measures().stream()
                .filter(m -> choices.keySet().containsAll(m.parameters())).map(m -> m.code())
                .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("delegate", isMemberDelegate(subject));
        model.addAttribute("serverNowExact", now.truncatedTo(ChronoUnit.MILLIS).toString());
        // At least the minimum silence after the form is sent (the silence starts when every delegate is notified).
        model.addAttribute("defaultDeadline", now.plus(properties.minSilence()).plus(Duration.ofHours(1))
                .truncatedTo(ChronoUnit.HOURS));
        model.addAttribute("minSilence", properties.minSilence().toString());
        model.addAttribute("minUrgentSilence", properties.minUrgentSilence().toString());
        return "council";
    }

    /** The live part of one decision (status, countdown, board), polled by htmx while it is in procedure. */
    @GetMapping("/council/decisions/{id}/live")
    String live(@PathVariable String id, Model model) {
        Subject subject = currentSubject.get();
        DecisionId decision;
        try {
            decision = DecisionId.of(id);
        } catch (IllegalArgumentException e) {
            // A malformed id in the path is bad input (400), never an internal error.
            throw InvalidInputException.of(List.of(new InvalidInputException.Violation("id", "not a decision id")));
        }
        model.addAttribute("item", open(subject, council.decision(decision)));
        model.addAttribute("serverNowExact", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        return "council-fragments :: status";
    }

    @PostMapping("/council/decisions")
    String circulate(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "council.done.circulated", () -> {
            Procedure procedure = Procedure.valueOf(required(form.getFirst("procedure"), "procedure"));
            List<MeasureOrder> measures = new ArrayList<>();
            for (String code : form.getOrDefault("measure", List.of())) {
                Map<String, String> parameters = new LinkedHashMap<>();
                council.measures().stream().filter(m -> m.code().equals(code)).findFirst()
                        .map(Measure::parameters).orElse(List.of())
                        .forEach(p -> parameters.put(p, form.getFirst("param." + code + "." + p)));
                measures.add(new MeasureOrder(code, parameters));
            }
            String crisis = blankToNull(form.getFirst("crisisId"));
            council.circulate(new DecisionDraft(form.getFirst("title"), form.getFirst("text"), label(form),
                    procedure, procedure == Procedure.SILENCE ? instant(form.getFirst("silenceEndsAt")) : null,
                    crisis == null ? null : uuid(crisis, "crisisId"), null, measures, form.getFirst("urgency")));
        });
    }

    @PostMapping("/council/decisions/{id}/silence-breaks")
    String breakSilence(@PathVariable String id, @RequestParam(required = false) String statement,
            RedirectAttributes redirect) {
        return act(redirect, "council.done.broken", () -> council.breakSilence(DecisionId.of(id), null, statement));
    }

    @PostMapping("/council/decisions/{id}/positions")
    String takePosition(@PathVariable String id, @RequestParam PositionKind position,
            @RequestParam(required = false) String statement, RedirectAttributes redirect) {
        return act(redirect, "council.done.position",
                () -> council.takePosition(DecisionId.of(id), null, position, statement));
    }

    @PostMapping("/council/decisions/{id}/close")
    String close(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "council.done.closed", () -> council.close(DecisionId.of(id)));
    }

    @PostMapping("/council/decisions/{id}/versions")
    String revise(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        return act(redirect, "council.done.revised", () -> council.revise(DecisionId.of(id), new Revision(
                form.getFirst("title"), form.getFirst("text"), instant(form.getFirst("silenceEndsAt")), null,
                form.getFirst("urgency"))));
    }

    @PostMapping("/council/consultations")
    String requestConsultation(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return act(redirect, "council.done.requested", () -> {
            Set<ThreatGround> grounds = EnumSet.noneOf(ThreatGround.class);
            form.getOrDefault("grounds", List.of()).forEach(g -> grounds.add(ThreatGround.valueOf(g)));
            council.requestConsultation(new ConsultationRequest(grounds, form.getFirst("statement"), label(form)));
        });
    }

    @PostMapping("/council/consultations/{id}/close")
    String closeConsultation(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "council.done.consultationClosed",
                () -> council.closeConsultation(ConsultationId.of(id)));
    }

    private OpenDecision open(Subject subject, Decision decision) {
        marking.show(decision.label());
        List<NationCode> memberNations = members.nations().stream().filter(Nation::isMember).map(Nation::code)
                .toList();
        boolean delegate = isMemberDelegate(subject);
        boolean open = decision.status() == DecisionStatus.UNDER_SILENCE
                || decision.status() == DecisionStatus.SILENCE_BROKEN;
        boolean canBreak = delegate && decision.procedure() == Procedure.SILENCE && open
                && decision.currentBreaks().stream().noneMatch(b -> b.nation().equals(subject.nation()));
        boolean canTakePosition = delegate && decision.status() == DecisionStatus.UNDER_CONSENSUS
                && decision.positionOf(subject.nation()).isEmpty();
        return new OpenDecision(decision, Board.of(decision, memberNations), canBreak, canTakePosition);
    }

    private boolean isMemberDelegate(Subject subject) {
        return subject.has(Role.COUNCIL_DELEGATE) && !subject.has(Role.OBSERVER)
                && members.nation(subject.nation()).map(Nation::isMember).orElse(false);
    }

    /** Runs a form's action: a refusal comes back to the page as a message, as the API would answer it. */
    private String act(RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", doneKey);
        } catch (DomainException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", errors.message(e));
        }
        return "redirect:/council";
    }

    private static SecurityLabel label(MultiValueMap<String, String> form) {
        Classification classification = Classification.parse(required(form.getFirst("classification"),
                "classification")).orElseThrow(() -> new IllegalArgumentException("unknown classification"));
        Set<String> releasableTo = new TreeSet<>();
        // One value per chip (fragments/pickers :: nations); a typed list still splits on commas and spaces.
        String chosen = String.join(",", form.getOrDefault("releasableTo", List.of()));
        for (String entry : required(chosen.isBlank() ? null : chosen, "releasable to").split("[,\\s]+")) {
            if (!entry.isBlank()) {
                releasableTo.add(entry.strip().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return SecurityLabel.of(classification, releasableTo);
    }

    private static @Nullable Instant instant(@Nullable String value) {
        String text = blankToNull(value);
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO 8601 UTC instant (e.g. 2026-11-25T14:30:00Z): " + text);
        }
    }

    private static UUID uuid(String value, String name) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not an id: " + value);
        }
    }

    private static String required(@Nullable String value, String name) {
        String text = blankToNull(value);
        if (text == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return text;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry councilNavigation() {
            // The register binds every member: everyone but the machine accounts of CERTs and alerting systems.
            return NavigationEntry.forAny("nav.council", "/council", 400,
                    Role.authoritiesExcept(Role.CERT, Role.CAP_SOURCE));
        }
    }
}
