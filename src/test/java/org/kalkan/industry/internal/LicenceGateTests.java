package org.kalkan.industry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kalkan.industry.LicenceType;
import org.kalkan.industry.internal.LicenceGate.Candidate;
import org.kalkan.industry.internal.LicenceGate.Request;

/**
 * The licence gate as a rule table: one licence of TUR for ML10 technical data to KAZ's MoD, valid through 2027,
 * ceiling 500,000 EUR with 300,000 used; each row changes the licence or the transfer and says whether it is
 * covered, and if not, what the refusal must name.
 */
class LicenceGateTests {

    static final Candidate LICENCE = new Candidate("l1", "TUR-I-1", "TUR", LicenceType.INDIVIDUAL, Set.of("ML10"),
            Set.of("KAZ"), Set.of("KAZ MoD"), LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"),
            new BigDecimal("500000.00"), "EUR", new BigDecimal("300000.00"), false);
    static final Request TRANSFER = new Request("ML10", "TUR", "KAZ", "KAZ MoD", new BigDecimal("100000.00"), "EUR",
            LocalDate.parse("2026-07-01"));

    static Arguments row(String rule, UnaryOperator<Candidate> licence, UnaryOperator<Request> transfer,
            String refusalNames) {
        return Arguments.of(Named.of(rule, licence), transfer, refusalNames);
    }

    static Candidate with(Candidate l, LicenceType type, Set<String> entries, Set<String> destinations,
            Set<String> users, String from, String until, BigDecimal ceiling, String currency, boolean revoked) {
        return new Candidate(l.id(), l.reference(), l.issuingNation(), type, entries, destinations, users,
                LocalDate.parse(from), LocalDate.parse(until), ceiling, currency, l.used(), revoked);
    }

    static Request value(Request r, String value) {
        return new Request(r.controlEntry(), r.from(), r.to(), r.endUser(), new BigDecimal(value), r.currency(),
                r.date());
    }

    static Request date(Request r, String date) {
        return new Request(r.controlEntry(), r.from(), r.to(), r.endUser(), r.value(), r.currency(),
                LocalDate.parse(date));
    }

    static Stream<Arguments> rules() {
        UnaryOperator<Candidate> same = l -> l;
        UnaryOperator<Request> as = r -> r;
        return Stream.of(
                row("a licence covering everything is used", same, as, ""),
                row("the entry must be listed", same, r -> new Request("ML4", r.from(), r.to(), r.endUser(),
                        r.value(), r.currency(), r.date()), "does not list control entry ML4"),
                row("the destination must be listed", same, r -> new Request(r.controlEntry(), r.from(), "AZE",
                        r.endUser(), r.value(), r.currency(), r.date()), "does not list destination AZE"),
                row("the end user must be listed", same, r -> new Request(r.controlEntry(), r.from(), r.to(),
                        "KAZ Border Guard", r.value(), r.currency(), r.date()), "does not list end user 'KAZ Border Guard'"),
                row("a GENERAL licence serves any end user in its destinations", l -> with(l, LicenceType.GENERAL,
                        l.controlEntries(), l.destinations(), Set.of(), "2026-01-01", "2027-12-31", l.ceiling(), "EUR",
                        false), r -> new Request(r.controlEntry(), r.from(), r.to(), "KAZ Border Guard", r.value(),
                        r.currency(), r.date()), ""),
                row("a GLOBAL licence still names its end users", l -> with(l, LicenceType.GLOBAL,
                        l.controlEntries(), l.destinations(), l.endUsers(), "2026-01-01", "2027-12-31", l.ceiling(),
                        "EUR", false), r -> new Request(r.controlEntry(), r.from(), r.to(), "KAZ Border Guard",
                        r.value(), r.currency(), r.date()), "does not list end user"),
                row("valid from its first day", same, r -> date(r, "2026-01-01"), ""),
                row("not valid before its first day", same, r -> date(r, "2025-12-31"), "not valid before 2026-01-01"),
                row("valid on its last day", same, r -> date(r, "2027-12-31"), ""),
                row("expired after its last day", same, r -> date(r, "2028-01-01"), "expired on 2027-12-31"),
                row("the whole remaining value may be used", same, r -> value(r, "200000.00"), ""),
                row("more than the remaining value is refused", same, r -> value(r, "200000.01"),
                        "remaining value 200000.00 EUR is less than 200000.01"),
                row("no ceiling means no limit", l -> with(l, LicenceType.GENERAL, l.controlEntries(),
                        l.destinations(), Set.of(), "2026-01-01", "2027-12-31", null, "EUR", false),
                        r -> value(r, "90000000.00"), ""),
                row("a revoked licence covers nothing", l -> with(l, l.type(), l.controlEntries(), l.destinations(),
                        l.endUsers(), "2026-01-01", "2027-12-31", l.ceiling(), "EUR", true), as, "revoked"),
                row("a ceiling in another currency cannot be drawn on", l -> with(l, l.type(), l.controlEntries(),
                        l.destinations(), l.endUsers(), "2026-01-01", "2027-12-31", l.ceiling(), "USD", false), as,
                        "its ceiling is in USD, the transfer in EUR"),
                row("only the exporting nation's licences count", same, r -> new Request(r.controlEntry(), "AZE",
                        r.to(), r.endUser(), r.value(), r.currency(), r.date()),
                        "AZE has issued no export licence you can see"),
                row("every failing rule is named", same, r -> new Request("ML4", r.from(), "UZB", r.endUser(),
                        r.value(), r.currency(), LocalDate.parse("2030-01-01")),
                        "licence TUR-I-1: does not list control entry ML4; does not list destination UZB; expired on"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rule(UnaryOperator<Candidate> licence, UnaryOperator<Request> transfer, String refusalNames) {
        Request request = transfer.apply(TRANSFER);
        LicenceGate.Outcome outcome = LicenceGate.decide(List.of(licence.apply(LICENCE)), request);
        if (refusalNames.isEmpty()) {
            assertThat(outcome.covered()).as(outcome.reasons().toString()).isTrue();
            assertThat(outcome.licence().reference()).isEqualTo("TUR-I-1");
        } else {
            assertThat(outcome.covered()).isFalse();
            assertThat(LicenceGate.refusal(request, outcome.reasons())).contains(refusalNames)
                    .startsWith("No licence covers the transfer of " + request.controlEntry() + " from "
                            + request.from() + " to " + request.to());
        }
    }

    @ParameterizedTest(name = "of several covering licences the {0} one is used")
    @MethodSource("preferences")
    void theMostSpecificCoveringLicenceIsUsed(String which, List<Candidate> licences, String used) {
        assertThat(LicenceGate.decide(licences, TRANSFER).licence().reference()).isEqualTo(used);
    }

    static Stream<Arguments> preferences() {
        Candidate general = new Candidate("g", "TUR-G-1", "TUR", LicenceType.GENERAL, Set.of("ML10"), Set.of("KAZ"),
                Set.of(), LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), null, "EUR", BigDecimal.ZERO,
                false);
        Candidate later = new Candidate("i2", "TUR-I-2", "TUR", LicenceType.INDIVIDUAL, Set.of("ML10"), Set.of("KAZ"),
                Set.of("KAZ MoD"), LocalDate.parse("2026-01-01"), LocalDate.parse("2028-06-30"),
                new BigDecimal("900000"), "EUR", BigDecimal.ZERO, false);
        return Stream.of(Arguments.of("individual", List.of(general, LICENCE), "TUR-I-1"),
                Arguments.of("earliest-expiring", List.of(later, LICENCE), "TUR-I-1"));
    }
}
