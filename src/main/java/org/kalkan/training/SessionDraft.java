package org.kalkan.training;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kalkan.shared.NationCode;
import org.kalkan.shared.SecurityLabel;

/**
 * A session the coordinator schedules: dates, place, seats, seats reserved per nation (quotas, whose sum is at
 * most the seats) and the nomination deadline (the start when not given).
 */
public record SessionDraft(String course, LocalDate start, LocalDate end, @Nullable String place, int seats,
        Map<String, Integer> quotas, @Nullable LocalDate nominationDeadline, SecurityLabel label) {

    public static final int MAX_SEATS = 1000;

    public SessionDraft {
        course = Course.code(course, "course");
        if (start == null || end == null) {
            throw new IllegalArgumentException("start and end are required (YYYY-MM-DD)");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
        place = place == null || place.isBlank() ? null : place.strip();
        if (place != null && place.length() > 200) {
            throw new IllegalArgumentException("place is at most 200 characters");
        }
        if (seats < 1 || seats > MAX_SEATS) {
            throw new IllegalArgumentException("seats must be between 1 and " + MAX_SEATS);
        }
        Map<String, Integer> checked = new TreeMap<>();
        int reserved = 0;
        for (var quota : (quotas == null ? Map.<String, Integer>of() : quotas).entrySet()) {
            if (!NationCode.isValid(quota.getKey())) {
                throw new IllegalArgumentException("quotas: '" + quota.getKey() + "' is not a nation code");
            }
            if (quota.getValue() == null || quota.getValue() < 0) {
                throw new IllegalArgumentException("quotas." + quota.getKey() + " must be 0 or more seats");
            }
            checked.put(quota.getKey(), quota.getValue());
            reserved += quota.getValue();
        }
        if (reserved > seats) {
            throw new IllegalArgumentException("quotas reserve " + reserved + " seats but the session has " + seats);
        }
        quotas = Map.copyOf(checked);
        nominationDeadline = nominationDeadline == null ? start : nominationDeadline;
        if (nominationDeadline.isAfter(start)) {
            throw new IllegalArgumentException("nominationDeadline " + nominationDeadline + " is after the start "
                    + start);
        }
        if (label == null) {
            throw new IllegalArgumentException("label is required: {\"classification\":…,\"releasableTo\":[…]}");
        }
    }
}
