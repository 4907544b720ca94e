package org.kalkan.training.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import java.util.Map;
import java.util.UUID;
import org.kalkan.force.ForceRegistry;
import org.kalkan.force.ForceUnit;
import org.kalkan.platform.FormErrors;
import org.kalkan.platform.PageMarking;
import org.kalkan.security.CurrentSubject;
import org.kalkan.security.Role;
import org.kalkan.security.Subject;
import org.kalkan.shared.Classification;
import org.kalkan.training.Person;
import org.kalkan.training.PersonId;
import org.kalkan.training.PersonRecord;
import org.kalkan.training.Personnel;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Personnel: the records the reader may read, the aggregates everyone sees, and a person's training record. */
@Controller
class PeoplePages {

    private final Personnel personnel;
    private final ForceRegistry forces;
    private final CurrentSubject subject;
    private final PageMarking marking;
    private final Clock clock;
    private final FormErrors errors;

    PeoplePages(Personnel personnel, ForceRegistry forces, CurrentSubject subject, PageMarking marking, Clock clock,
            FormErrors errors) {
        this.errors = errors;
        this.personnel = personnel;
        this.forces = forces;
        this.subject = subject;
        this.marking = marking;
        this.clock = clock;
    }

    @GetMapping("/training/people")
    String people(Model model) {
        Subject me = subject.get();
        List<Person> people = personnel.list(me, null);
        people.forEach(p -> marking.show(p.label()));
        List<ForceUnit> units = forces.list(me, null, null, null);
        units.forEach(u -> marking.show(u.details().label()));
        Map<UUID, String> unitNames = new HashMap<>();
        units.forEach(u -> unitNames.put(u.id().value(), u.details().name()));
        model.addAttribute("people", people);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("counts", personnel.aggregates(me));
        boolean manager = me.has(Role.TRAINING_MANAGER);
        model.addAttribute("manager", manager);
        model.addAttribute("myNation", me.nation().value());
        model.addAttribute("myUnits", units.stream().filter(u -> u.nation().equals(me.nation())).toList());
        model.addAttribute("classifications", Classification.values());
        return "training/people";
    }

    @PostMapping("/training/people")
    String register(@RequestParam Map<String, String> form,
            @RequestParam(name = "releasableTo", required = false) @Nullable List<String> releasableTo,
            RedirectAttributes redirect) {
        return PageForms.run("/training/people", "register", redirect, errors, () -> {
            Subject me = subject.get();
            String profile = PageForms.blank(form, "profile");
            var body = new TrainingJson.PersonBody(form.get("serviceNumber"), form.get("name"), form.get("rank"),
                    me.nation().value(), PageForms.blank(form, "unitId"), form.get("clearance"),
                    profile == null ? List.of() : List.of(new TrainingJson.LanguageBody(
                            form.getOrDefault("language", "en"), profile)),
                    TrainingJson.label(form.getOrDefault("classification", ""), PageForms.joined(releasableTo)));
            personnel.register(me, body.toDraft());
            return "registered";
        });
    }

    @GetMapping("/training/people/{id}")
    String person(@PathVariable UUID id, Model model) {
        Subject me = subject.get();
        PersonRecord record = personnel.find(me, new PersonId(id));
        marking.show(record.person().label());
        String unit = null;
        if (record.person().unit() != null) {
            unit = forces.list(me, null, null, null).stream().filter(u -> u.id().equals(record.person().unit()))
                    .map(u -> {
                        marking.show(u.details().label());
                        return u.details().name();
                    }).findFirst().orElse(null);
        }
        model.addAttribute("record", record);
        model.addAttribute("unitName", unit);
        model.addAttribute("today", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return "training/person";
    }
}
