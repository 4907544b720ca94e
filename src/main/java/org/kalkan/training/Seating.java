package org.kalkan.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds a seat in a session. A nation with a quota holds at most its quota of seats; the seats no quota
 * reserves are open to the nations without a quota; and never more than the session's seats in all. A nomination
 * that finds no seat waits; waiting nominations move up in priority order (1 first), then in order of arrival,
 * each as soon as a seat its nation may hold frees.
 */
public record Seating(int seats, Map<String, Integer> quotas) {

    public Seating {
        quotas = Map.copyOf(quotas);
    }

    /** A nomination as the seating rules see it. */
    public record Claim(NominationId id, String nation, int priority, long arrival) {
    }

    /** The order of a waiting list: priority (1 first), then arrival. */
    public static final Comparator<Claim> ORDER = Comparator.comparingInt(Claim::priority)
            .thenComparingLong(Claim::arrival);

    /** Whether a nomination of the nation finds a seat, given the seats held per nation now. */
    public boolean hasSeatFor(String nation, Map<String, Integer> heldByNation) {
        int held = heldByNation.values().stream().mapToInt(Integer::intValue).sum();
        if (held >= seats) {
            return false;
        }
        Integer quota = quotas.get(nation);
        if (quota != null) {
            return heldByNation.getOrDefault(nation, 0) < quota;
        }
        int open = openSeats();
        int heldOpen = heldByNation.entrySet().stream().filter(e -> !quotas.containsKey(e.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        return heldOpen < open;
    }

    /** The waiting nominations that move up now, in the order they do. */
    public List<Claim> promotions(List<Claim> waiting, Map<String, Integer> heldByNation) {
        Map<String, Integer> held = new HashMap<>(heldByNation);
        List<Claim> promoted = new ArrayList<>();
        for (Claim claim : waiting.stream().sorted(ORDER).toList()) {
            if (hasSeatFor(claim.nation(), held)) {
                promoted.add(claim);
                held.merge(claim.nation(), 1, Integer::sum);
            }
        }
        return promoted;
    }

    /** How many seats the nation may hold at most: its quota, or the open seats. */
    public int limitFor(String nation) {
        Integer quota = quotas.get(nation);
        return quota != null ? quota : openSeats();
    }

    /** The seats no quota reserves: open to the nations without a quota. */
    public int openSeats() {
        return seats - quotas.values().stream().mapToInt(Integer::intValue).sum();
    }
}
