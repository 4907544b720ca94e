package org.kalkan.force.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.kalkan.force.ForceRegistry.RowError;
import org.kalkan.force.UnitDetails;
import org.kalkan.shared.Csv;

/**
 * Reads units from CSV (RFC 4180 quoting). Header:
 * {@code name,sidc,capabilities,personnel,noticeToMoveHours,homeLat,homeLon,movementModes,availableFrom,availableTo,
 * standingPool,allowedCountries,excludedCountries,excludedUses,maxDeploymentDays,ownTerritoryOnly,classification,
 * releasableTo}; lists inside a field are separated by {@code ;}. A cell that starts like a spreadsheet formula
 * (and is not a plain number) refuses its row ({@link Csv#refuseFormulas}).
 */
final class UnitCsv {

    static final List<String> HEADER = List.of("name", "sidc", "capabilities", "personnel", "noticeToMoveHours",
            "homeLat", "homeLon", "movementModes", "availableFrom", "availableTo", "standingPool",
            "allowedCountries", "excludedCountries", "excludedUses", "maxDeploymentDays", "ownTerritoryOnly",
            "classification", "releasableTo");
    static final int MAX_ROWS = 10_000;

    private UnitCsv() {
    }

    /** Parsed rows (null where a row failed) and the errors, row numbers counted from 1 after the header. */
    record Parsed(List<UnitDetails> rows, List<RowError> errors) {
    }

    static Parsed parse(String text) {
        List<List<String>> records = records(text);
        if (records.isEmpty() || !records.get(0).equals(HEADER)) {
            throw new IllegalArgumentException("the first line must be the header: " + String.join(",", HEADER));
        }
        if (records.size() - 1 > MAX_ROWS) {
            throw new IllegalArgumentException("at most " + MAX_ROWS + " units per import");
        }
        List<UnitDetails> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> f = records.get(i);
            try {
                if (f.size() != HEADER.size()) {
                    throw new IllegalArgumentException("expected " + HEADER.size() + " fields, found " + f.size());
                }
                Csv.refuseFormulas(f, HEADER, Set.of());
                rows.add(new UnitRequest(f.get(0), f.get(1), list(f.get(2)), integer(f.get(3), "personnel"),
                        integer(f.get(4), "noticeToMoveHours"),
                        new UnitRequest.Location(decimal(f.get(5), "homeLat"), decimal(f.get(6), "homeLon")),
                        list(f.get(7)), f.get(8), f.get(9), Boolean.parseBoolean(f.get(10).trim()),
                        new UnitRequest.CaveatsJson(list(f.get(11)), list(f.get(12)), list(f.get(13)),
                                f.get(14).isBlank() ? null : integer(f.get(14), "maxDeploymentDays"),
                                Boolean.parseBoolean(f.get(15).trim())),
                        UnitRequest.label(f.get(16).trim(), list(f.get(17))), null).toDetails());
            } catch (IllegalArgumentException e) {
                rows.add(null);
                errors.add(new RowError(i, String.valueOf(e.getMessage())));
            }
        }
        return new Parsed(rows, errors);
    }

    private static List<String> list(String field) {
        return field.isBlank() ? List.of() : Arrays.stream(field.split(";")).map(String::trim).toList();
    }

    private static int integer(String field, String name) {
        try {
            return Integer.parseInt(field.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a whole number: " + field);
        }
    }

    private static double decimal(String field, String name) {
        try {
            return Double.parseDouble(field.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + field);
        }
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. Blank lines are skipped. */
    static List<List<String>> records(String text) {
        return Csv.records(text);
    }
}
