package org.kalkan.industry.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kalkan.industry.ExportControl;
import org.kalkan.industry.Licence;
import org.kalkan.industry.LicenceId;
import org.kalkan.industry.LicenceType;
import org.kalkan.industry.NewLicence;
import org.kalkan.industry.ProgrammeId;
import org.kalkan.industry.Programmes;
import org.kalkan.industry.Transfer;
import org.kalkan.industry.TransferRequest;
import org.kalkan.security.CurrentSubject;
import org.kalkan.shared.SecurityLabel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Export licences and transfers through the licence gate. */
@RestController
@RequestMapping("/api/v1/industry")
class ExportControlApi {

    private final ExportControl exportControl;
    private final Programmes programmes;
    private final CurrentSubject subject;

    ExportControlApi(ExportControl exportControl, Programmes programmes, CurrentSubject subject) {
        this.exportControl = exportControl;
        this.programmes = programmes;
        this.subject = subject;
    }

    record LicenceBody(@Nullable String reference, @Nullable String issuingNation, @Nullable String type,
            @Nullable List<String> controlEntries, @Nullable List<String> destinations,
            @Nullable List<String> endUsers, @Nullable String validFrom, @Nullable String validUntil,
            @Nullable BigDecimal ceiling, @Nullable String currency, @Nullable SecurityLabel label) {
    }

    @PostMapping("/licences")
    ResponseEntity<Licence> issue(@RequestBody LicenceBody body) {
        Licence licence = exportControl.issue(subject.get(), new NewLicence(body.reference(),
                Json.required(body.issuingNation(), "issuingNation"),
                Json.enumValue(LicenceType.class, body.type(), "type"),
                Json.list(body.controlEntries(), "controlEntries"), Json.list(body.destinations(), "destinations"),
                body.endUsers() == null ? List.of() : Json.list(body.endUsers(), "endUsers"),
                Json.date(body.validFrom(), "validFrom"),
                Json.date(body.validUntil(), "validUntil"), body.ceiling(),
                body.currency() == null ? "EUR" : body.currency(), Json.required(body.label(), "label")));
        return ResponseEntity.created(URI.create("/api/v1/industry/licences/" + licence.id())).body(licence);
    }

    @GetMapping("/licences")
    List<Licence> licences() {
        return exportControl.licences(subject.get());
    }

    @GetMapping("/licences/{id}")
    Licence licence(@PathVariable String id) {
        return exportControl.licence(subject.get(), LicenceId.parse(id));
    }

    @PostMapping("/licences/{id}/revocation")
    Licence revoke(@PathVariable String id) {
        return exportControl.revoke(subject.get(), LicenceId.parse(id));
    }

    record TransferBody(@Nullable String programmeId, @Nullable String item, @Nullable String controlEntry,
            @Nullable String from, @Nullable String to, @Nullable String endUser, @Nullable BigDecimal value,
            @Nullable String date) {
    }

    /** 201 citing the licence used, or 409 naming what no licence covers (the refusal is recorded too). */
    @PostMapping("/transfers")
    ResponseEntity<Transfer> transfer(@RequestBody TransferBody body) {
        Transfer transfer = exportControl.transfer(subject.get(), new TransferRequest(
                ProgrammeId.parse(Json.required(body.programmeId(), "programmeId")), Json.required(body.item(), "item"),
                Json.required(body.controlEntry(), "controlEntry"), Json.required(body.from(), "from"),
                Json.required(body.to(), "to"), Json.required(body.endUser(), "endUser"),
                Json.required(body.value(), "value"), Json.date(body.date(), "date")));
        return ResponseEntity.created(URI.create("/api/v1/industry/transfers/" + transfer.id())).body(transfer);
    }

    @GetMapping("/transfers")
    List<Transfer> transfers(@RequestParam(required = false) @Nullable String programmeId) {
        return exportControl.transfers(subject.get(), programmeId == null ? null : ProgrammeId.parse(programmeId));
    }
}
