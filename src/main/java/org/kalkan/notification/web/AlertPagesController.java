package org.kalkan.notification.web;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.notification.AlertId;
import org.kalkan.notification.AlertView;
import org.kalkan.notification.Alerts;
import org.kalkan.notification.Precedence;
import org.kalkan.members.MemberStates;
import org.kalkan.platform.FormErrors;
import org.kalkan.platform.PageMarking;
import org.kalkan.shared.DomainException;
import org.kalkan.security.AuditTrail;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.shared.ForbiddenException;
import org.kalkan.shared.InvalidInputException;
import org.kalkan.shared.SecurityLabel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Raising an alert from a form, and one alert's page with every recipient's status. */
@Controller
class AlertPagesController {

    private final Alerts alerts;
    private final CurrentSubject currentSubject;
    private final PageMarking marking;
    private final MemberStates members;
    private final AuditTrail audit;
    private final FormErrors errors;

    AlertPagesController(Alerts alerts, CurrentSubject currentSubject, PageMarking marking, MemberStates members,
            AuditTrail audit, FormErrors errors) {
        this.errors = errors;
        this.alerts = alerts;
        this.currentSubject = currentSubject;
        this.marking = marking;
        this.members = members;
        this.audit = audit;
    }

    /** One recipient's line on the alert's page. */
    record RecipientRow(AlertView.Recipient recipient, PageTime deadline, @Nullable PageTime acknowledged,
            @Nullable PageTime escalated) {
    }

    /** The form as typed, shown again with the refusal. */
    record AlertForm(String text, AlertsApi.RecipientsBody recipients, String precedence, @Nullable String ackWithin,
            LabelForm label) {

        AlertsApi.AlertBody toRequest() {
            Classification level = Classification.parse(label.classification()).orElseThrow(
                    () -> new IllegalArgumentException("unknown classification '" + label.classification() + "'"));
            return new AlertsApi.AlertBody(text, recipients, precedence, ackWithin,
                    SecurityLabel.of(level, label.releasableTo()), null, null);
        }
    }

    /** The label's fields as typed: a classification's name and the releasability entries. */
    record LabelForm(String classification, List<String> releasableTo) {
    }

    @GetMapping("/alerts/new")
    String form(Model model) {
        requireSender();
        return form(model, new AlertForm("", new AlertsApi.RecipientsBody(List.of(), List.of(), List.of()),
                Precedence.FLASH.name(), "", new LabelForm(Classification.UNCLASSIFIED.name(), List.of("MEMBERS"))),
                null);
    }

    @PostMapping("/alerts")
    String raise(@RequestParam String text, @RequestParam(defaultValue = "") String users,
            @RequestParam(required = false) List<String> roles, @RequestParam(required = false) List<String> nations,
            @RequestParam String precedence, @RequestParam(defaultValue = "") String ackWithin,
            @RequestParam String classification, @RequestParam String releasableTo, Model model) {
        Subject sender = requireSender();
        var body = new AlertForm(text, new AlertsApi.RecipientsBody(list(users),
                roles == null ? List.of() : roles, nations == null ? List.of() : nations), precedence,
                ackWithin.isBlank() ? null : ackWithin.trim(), new LabelForm(classification, list(releasableTo)));
        try {
            AlertId id = alerts.raise(sender, AlertsApi.request(body.toRequest()));
            return "redirect:/alerts/" + id;
        } catch (IllegalArgumentException | DomainException e) {
            return form(model, body, errors.message(e));
        }
    }

    @GetMapping("/alerts/{id}")
    String alert(@PathVariable String id, Model model) {
        AlertView alert = alerts.view(currentSubject.get(), pageId(id));
        marking.show(alert.label());
        model.addAttribute("alert", alert);
        model.addAttribute("sent", PageTime.of(alert.sentAt()));
        model.addAttribute("rows", alert.recipients().stream().map(r -> new RecipientRow(r, PageTime.of(r.ackDeadline()),
                PageTime.ofNullable(r.acknowledgedAt()), PageTime.ofNullable(r.escalatedAt()))).toList());
        return "notification/alert";
    }

    /** A malformed id in a page's path is bad input (400), never an internal error. */
    private static AlertId pageId(String id) {
        try {
            return AlertId.parse(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(List.of(InvalidInputException.Violation.of("id", e)));
        }
    }

    private String form(Model model, AlertForm body, @Nullable String error) {
        model.addAttribute("body", body);
        model.addAttribute("error", error);
        model.addAttribute("precedences", Precedence.values());
        model.addAttribute("classifications", Classification.values());
        model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::name).toList());
        model.addAttribute("nations", members.nations().stream().map(n -> n.code().value()).toList());
        return "notification/new";
    }

    private Subject requireSender() {
        Subject subject = currentSubject.get();
        if (Alerts.SENDERS.stream().noneMatch(subject::has)) {
            audit.recordDenial(subject.username(), "ALERT_RAISE", "alert", "roles " + subject.roles()
                    + " may not raise alerts");
            throw new ForbiddenException("You may not raise alerts.");
        }
        return subject;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
