package org.kalkan.industry.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.ExportControl;
import org.kalkan.industry.Licence;
import org.kalkan.industry.Milestone;
import org.kalkan.industry.Performance;
import org.kalkan.industry.Programme;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.Programmes;
import org.kalkan.industry.RebalancingProposal;
import org.kalkan.industry.Schedule;
import org.kalkan.industry.Supplier;
import org.kalkan.industry.Suppliers;
import org.kalkan.industry.Transfer;
import org.kalkan.industry.WorkPackage;
import org.kalkan.industry.WorkShares;
import org.kalkan.platform.NavigationEntry;
import org.kalkan.platform.FormErrors;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.DomainException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The industry pages: programmes and the global balance, a programme's dashboard, licences and transfers, suppliers. */
@Controller
class IndustryPages {

    private final Programmes programmes;
    private final WorkShares workShares;
    private final ExportControl exportControl;
    private final Suppliers suppliers;
    private final CurrentSubject subject;
    private final PageMarking marking;
    private final IndustryViews views;
    private final Clock clock;
    private final FormErrors errors;

    IndustryPages(Programmes programmes, WorkShares workShares, ExportControl exportControl, Suppliers suppliers,
            CurrentSubject subject, PageMarking marking, IndustryViews views, Clock clock, FormErrors errors) {
        this.errors = errors;
        this.programmes = programmes;
        this.workShares = workShares;
        this.exportControl = exportControl;
        this.suppliers = suppliers;
        this.subject = subject;
        this.marking = marking;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/industry")
    String list(@RequestParam(defaultValue = "EUR") String currency, Model model) {
        Subject me = subject.get();
        List<Programme> list = programmes.list(me);
        list.forEach(p -> marking.show(p.label()));
        List<RebalancingProposal> proposals = workShares.proposals(me, null);
        proposals.forEach(p -> marking.show(p.label()));
        model.addAttribute("programmes", list);
        model.addAttribute("balance", workShares.globalBalance(me, currency.strip().toUpperCase(java.util.Locale.ROOT)));
        model.addAttribute("proposals", proposals);
        model.addAttribute("chair", me.has(Role.COUNCIL_CHAIR));
        model.addAttribute("silenceDefault", java.time.LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                .plusDays(3).truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        return "industry/programmes";
    }

    @GetMapping("/industry/programmes/{id}")
    String dashboard(@PathVariable String id, @RequestParam(required = false) @Nullable String asOf, Model model) {
        Subject me = subject.get();
        ProgrammeId programmeId = ProgrammeId.parse(id);
        Programme programme = programmes.programme(me, programmeId);
        marking.show(programme.label());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate date = asOf == null || asOf.isBlank() ? today : Json.date(asOf, "asOf");
        List<WorkPackage> packages = programmes.workPackages(me, programmeId);
        Performance performance = programmes.performance(me, programmeId, date);
        Schedule schedule = programmes.schedule(me, programmeId);
        List<Milestone> milestones = programmes.milestones(me, programmeId);
        List<Transfer> transfers = exportControl.transfers(me, programmeId);
        transfers.forEach(t -> marking.show(t.label()));
        model.addAttribute("programme", programme);
        model.addAttribute("packages", packages);
        model.addAttribute("performance", performance);
        model.addAttribute("schedule", schedule);
        model.addAttribute("milestones", milestones);
        model.addAttribute("transfers", transfers);
        model.addAttribute("proposals", workShares.proposals(me, programmeId));
        model.addAttribute("asOf", date);
        model.addAttribute("gantt", views.gantt(packages, schedule, performance, date));
        model.addAttribute("sCurve", views.sCurve(programmes.sCurve(me, programmeId, date)));
        model.addAttribute("workShare", views.workShare(performance));
        model.addAttribute("manager", me.has(Role.PROGRAMME_MANAGER));
        return "industry/dashboard";
    }

    /** The progress form of the dashboard (the API's {@code …/work-packages/{code}/progress}). */
    @PostMapping("/industry/programmes/{id}/progress")
    String progress(@PathVariable String id, @RequestParam String code, @RequestParam String asOf,
            @RequestParam String percentComplete, @RequestParam String actualCost, RedirectAttributes redirect) {
        try {
            programmes.reportProgress(subject.get(), ProgrammeId.parse(id), code, Json.date(asOf, "asOf"),
                    number(percentComplete, "percentComplete"), number(actualCost, "actualCost"));
            redirect.addFlashAttribute("saved", code);
        } catch (DomainException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", errors.message(e));
        }
        return "redirect:/industry/programmes/" + ProgrammeId.parse(id) + "?asOf=" + asOf;
    }

    private static BigDecimal number(String value, String field) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number");
        }
    }

    /** The chair's form: circulate a rebalancing proposal under silence until the given UTC time. */
    @PostMapping("/industry/rebalancing/{id}/circulation")
    String circulate(@PathVariable String id, @RequestParam String silenceEndsAt, RedirectAttributes redirect) {
        try {
            java.time.Instant ends = java.time.LocalDateTime.parse(silenceEndsAt.strip()).toInstant(ZoneOffset.UTC);
            workShares.circulate(subject.get(), org.kalkan.industry.ProposalId.parse(id), ends, null);
            redirect.addFlashAttribute("saved", id);
        } catch (DomainException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            redirect.addFlashAttribute("error", errors.message(e));
        }
        return "redirect:/industry";
    }

    @GetMapping("/industry/licences")
    String licences(Model model) {
        Subject me = subject.get();
        List<Licence> licences = exportControl.licences(me);
        licences.forEach(l -> marking.show(l.label()));
        List<Transfer> transfers = exportControl.transfers(me, null);
        transfers.forEach(t -> marking.show(t.label()));
        model.addAttribute("licences", licences);
        model.addAttribute("transfers", transfers);
        return "industry/licences";
    }

    @GetMapping("/industry/suppliers")
    String suppliers(Model model) {
        List<Supplier> list = suppliers.list(subject.get());
        list.forEach(s -> marking.show(s.label()));
        model.addAttribute("suppliers", list);
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return "industry/suppliers";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationEntry industryNavigation() {
            // Co-production is run by programme managers and overseen by the Council and the crisis staff.
            return NavigationEntry.forAny("nav.industry", "/industry", 750, Role.authorities(Role.PROGRAMME_MANAGER,
                    Role.COUNCIL_CHAIR, Role.COUNCIL_DELEGATE, Role.CRISIS_MANAGER, Role.FORCE_PLANNER));
        }
    }
}
