package org.kalkan.incident.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kalkan.incident.IncidentPage;
import org.kalkan.incident.IncidentQuery;
import org.kalkan.incident.IncidentSummary;
import org.kalkan.security.LabelFilter;

/**
 * Builds the incident search: the access policy's filter first (labels and context, so only readable rows of the
 * subject's context are ever counted or paged), then box, time, category and a keyset cursor on
 * (last_observed_at, id), newest first.
 */
public final class IncidentSearch {

    private IncidentSearch() {
    }

    public static IncidentStore.SearchSql sql(IncidentQuery query, LabelFilter filter) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>(filter.parameters());
        where.add(filter.sql());
        where.add("i.merged_into IS NULL");
        // An incident left without reports (split out, withdrawn) is in no list, map or count.
        where.add("i.report_count > 0");
        double[] bbox = query.bbox();
        if (bbox != null) {
            where.add("point(i.lon, i.lat) <@ box(point(:minLon, :minLat), point(:maxLon, :maxLat))");
            params.put("minLon", bbox[0]);
            params.put("minLat", bbox[1]);
            params.put("maxLon", bbox[2]);
            params.put("maxLat", bbox[3]);
        }
        if (query.from() != null) {
            where.add("i.last_observed_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.add("i.first_observed_at <= :to");
            params.put("to", Timestamp.from(query.to()));
        }
        if (query.category() != null) {
            where.add("i.category = :category");
            params.put("category", query.category().name());
        }
        if (query.status() != null) {
            where.add("i.status = :status");
            params.put("status", query.status().name());
        }
        if (query.cursor() != null) {
            Cursor cursor = Cursor.decode(query.cursor());
            where.add("(i.last_observed_at, i.id) < (:cursorAt, :cursorId)");
            params.put("cursorAt", Timestamp.from(cursor.at()));
            params.put("cursorId", cursor.id());
        }
        params.put("limit", query.limit() + 1);
        String sql = "SELECT * FROM incident i WHERE " + String.join(" AND ", where)
                + " ORDER BY i.last_observed_at DESC, i.id DESC LIMIT :limit";
        return new IncidentStore.SearchSql(sql, params);
    }

    /** Cuts the extra row fetched to learn whether there is a next page. */
    public static IncidentPage page(List<IncidentSummary> rows, int limit) {
        if (rows.size() <= limit) {
            return new IncidentPage(rows, null);
        }
        List<IncidentSummary> items = rows.subList(0, limit);
        IncidentSummary last = items.get(limit - 1);
        return new IncidentPage(List.copyOf(items), new Cursor(last.lastObservedAt(), last.id().value()).encode());
    }

    record Cursor(Instant at, UUID id) {

        String encode() {
            String raw = at.toString() + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(@Nullable String encoded) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(encoded == null ? "" : encoded),
                        StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                return new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid cursor");
            }
        }
    }
}
